#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A monotonic wall clock started when made, for the seconds an epoch (or a closed-form fit) takes.
public struct EpochClock {
    private let start: Double

    /// A clock started now.
    public init() { start = Self.now() }

    /// The seconds since the clock was made.
    public var elapsed: Double { Self.now() - start }

    /// `CLOCK_MONOTONIC` in seconds (never set back, unlike the time of day).
    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
