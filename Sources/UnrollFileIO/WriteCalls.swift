#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `write(2)` call through which every file of a file set is written, replaceable so that tests can make
/// it fail the way a full disk does.
public struct WriteCalls: Sendable {
    /// Writes up to `count` bytes from `buffer` to `descriptor` (open on the file `path`); returns the number of
    /// bytes written, or -1 with `errno` set.
    public var write: @Sendable (_ path: String, _ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int

    /// Calls with `write` as given.
    public init(write: @escaping @Sendable (String, Int32, UnsafeRawPointer, Int) -> Int) {
        self.write = write
    }

    /// The C library's `write(2)`.
    public static let system = WriteCalls { _, descriptor, buffer, count in
        #if canImport(Glibc)
            return Glibc.write(descriptor, buffer, count)
        #else
            return Darwin.write(descriptor, buffer, count)
        #endif
    }

    /// Calls that fail with `code` (such as `ENOSPC`) when writing a file whose path satisfies `failing`, after
    /// writing nothing; other files are written normally.
    public static func failing(with code: Int32, when failing: @escaping @Sendable (String) -> Bool) -> WriteCalls {
        WriteCalls { path, descriptor, buffer, count in
            guard failing(path) else { return system.write(path, descriptor, buffer, count) }
            errno = code
            return -1
        }
    }
}
