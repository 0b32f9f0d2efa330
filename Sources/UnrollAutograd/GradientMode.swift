#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether ops record themselves on the tape, per thread (so notebooks run in parallel threads do not interfere).
enum GradientMode {
    /// A pthread key whose value is non-nil while recording is switched off on that thread.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// True unless the current thread is inside `withoutGradients`.
    static var isRecording: Bool { pthread_getspecific(key) == nil }

    /// Sets whether the current thread records.
    static func setRecording(_ on: Bool) {
        pthread_setspecific(key, on ? nil : UnsafeRawPointer(bitPattern: 1))
    }
}

/// Runs `body` with the tape switched off on this thread: ops compute values but record nothing
/// (PyTorch's `torch.no_grad()`).
public func withoutGradients<R>(_ body: () throws -> R) rethrows -> R {
    let was = GradientMode.isRecording
    GradientMode.setRecording(false)
    defer { GradientMode.setRecording(was) }
    return try body()
}
