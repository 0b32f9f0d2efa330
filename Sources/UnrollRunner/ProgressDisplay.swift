#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress lines on stderr while notebooks run: one line per cell, and epochs with their loss for `fit`.
/// Silent unless stderr is a terminal, so logs and CI output stay clean.
public final class ProgressDisplay: @unchecked Sendable {
    private let enabled: Bool
    private var transient = false
    private let lock = NSLockLike()

    /// A display that writes only when `enabled` (by default: when stderr is a terminal).
    public init(enabled: Bool = isatty(2) == 1) {
        self.enabled = enabled
    }

    /// Whether anything will be shown.
    public var isEnabled: Bool { enabled }

    /// A line that stays.
    public func line(_ text: String) {
        guard enabled else { return }
        lock.locked {
            clearTransient()
            fputs(text + "\n", stderr)
        }
    }

    /// A line that the next output replaces (batch counters inside an epoch).
    public func transientLine(_ text: String) {
        guard enabled else { return }
        lock.locked {
            fputs("\r\u{1B}[2K" + text, stderr)
            transient = true
        }
    }

    private func clearTransient() {
        if transient {
            fputs("\r\u{1B}[2K", stderr)
            transient = false
        }
    }
}

/// A minimal mutex (pthread), so that parallel notebook runs do not interleave half lines.
final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func locked<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}
