#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CAllocator

/// A 64-byte aligned, zero-initialised block of `Float`s that a `Tensor` owns and shares copy-on-write.
public final class TensorStorage {
    /// The first element; valid for `count` elements while the storage lives.
    public let base: UnsafeMutablePointer<Float>
    /// The number of elements.
    public let count: Int

    /// Keeps large blocks in the heap instead of fresh `mmap`s: a training step allocates and frees the
    /// same large buffers every time, and page-faulting them in anew each step cost more than the math.
    private static let configureAllocator: Void = {
        unroll_keep_large_blocks_in_heap()
    }()

    /// Allocates `count` elements, zeroed unless `zeroed` is false (for buffers the caller overwrites whole).
    public init(count: Int, zeroed: Bool = true) {
        TensorStorage.configureAllocator
        precondition(count >= 0, "tensor storage: count must be non-negative, got \(count)")
        self.count = count
        var raw: UnsafeMutableRawPointer?
        let bytes = max(count, 1) * MemoryLayout<Float>.stride
        guard posix_memalign(&raw, 64, bytes) == 0, let raw else {
            fatalError("tensor storage: cannot allocate \(bytes) bytes")
        }
        if zeroed { memset(raw, 0, bytes) }
        base = raw.bindMemory(to: Float.self, capacity: max(count, 1))
        TensorStorage.accountAllocation(bytes)
    }

    deinit {
        TensorStorage.accountAllocation(-max(count, 1) * MemoryLayout<Float>.stride)
        free(base)
    }

    /// Returns a new storage holding the same elements.
    public func copy() -> TensorStorage {
        let other = TensorStorage(count: count, zeroed: false)
        other.base.update(from: base, count: count)
        return other
    }

    // MARK: - Memory accounting (for `unroll bench`'s peak memory figure)

    nonisolated(unsafe) private static var liveBytes = 0
    nonisolated(unsafe) private static var peakBytes = 0

    private static func accountAllocation(_ delta: Int) {
        liveBytes += delta
        if liveBytes > peakBytes { peakBytes = liveBytes }
    }

    /// The largest number of bytes that tensor storages held at once since the last reset.
    public static var peakTensorBytes: Int { peakBytes }

    /// Starts a new peak measurement from the bytes held now.
    public static func resetPeakTensorBytes() { peakBytes = liveBytes }
}
