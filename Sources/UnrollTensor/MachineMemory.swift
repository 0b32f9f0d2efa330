import Foundation

/// This machine's physical memory, which every size estimate is compared with before a large allocation, so
/// that a request this machine cannot hold is an error instead of an abort.
public enum MachineMemory {
    /// The bytes of physical memory.
    public static let bytes: Int = Int(clamping: ProcessInfo.processInfo.physicalMemory)

    /// Whether `bytes` (nil: more than an `Int` can count) fit in this machine's memory.
    public static func holds(_ bytes: Int?) -> Bool {
        guard let bytes else { return false }
        return bytes <= Self.bytes
    }

    /// `bytes` in gigabytes (10⁹ bytes) with one decimal, as messages print sizes: `160.1`.
    public static func gigabytes(_ bytes: Double) -> String { String(format: "%.1f", bytes / 1e9) }

    /// `about 160.1 GB`, or `more bytes than can be counted` for nil.
    public static func describe(_ bytes: Int?) -> String {
        bytes.map { "about \(gigabytes(Double($0))) GB" } ?? "more bytes than can be counted"
    }

    /// `this machine has 24.0 GB`: the end of every message about an estimate that does not fit.
    public static var available: String { "this machine has \(gigabytes(Double(Self.bytes))) GB" }
}
