import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The names of Unroll's own staging folders and temporary files, by which a later run recognises (and only
/// then removes) what an interrupted one left: `.unroll-staging-PID-XXXXXXXX` while a set is being written,
/// `.unroll-commit-PID-XXXXXXXX` once it is complete, and the older `.NAME.tmp-XXXXXXXX` of `AtomicFile`.
public enum StagingName {
    /// The prefix of a folder whose set is still being written.
    public static let stagingPrefix = ".unroll-staging-"
    /// The prefix of a folder whose set is complete and being moved into place.
    public static let commitPrefix = ".unroll-commit-"

    /// What a name says about the folder it names.
    public struct Parsed: Equatable, Sendable {
        /// Whether the set is complete (a commit folder).
        public var committed: Bool
        /// The process that wrote it.
        public var pid: Int32

        /// A parsed name from its parts.
        public init(committed: Bool, pid: Int32) {
            self.committed = committed
            self.pid = pid
        }
    }

    /// A fresh staging name for this process.
    public static func fresh() -> String {
        stagingPrefix + "\(getpid())-" + UUID().uuidString.prefix(8).lowercased()
    }

    /// The commit name of the staging name `staging` (same process and suffix).
    public static func committed(_ staging: String) -> String {
        commitPrefix + staging.dropFirst(stagingPrefix.count)
    }

    /// The process and state of a staging or commit folder's name; nil for any other name.
    public static func parse(_ name: String) -> Parsed? {
        let committed: Bool
        let rest: Substring
        if name.hasPrefix(stagingPrefix) {
            (committed, rest) = (false, name.dropFirst(stagingPrefix.count))
        } else if name.hasPrefix(commitPrefix) {
            (committed, rest) = (true, name.dropFirst(commitPrefix.count))
        } else {
            return nil
        }
        let parts = rest.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let pid = Int32(parts[0]), pid > 0, isHex8(parts[1]) else { return nil }
        return Parsed(committed: committed, pid: pid)
    }

    /// Whether `name` is a temporary file or folder `AtomicFile.temporaryPath` makes: `.NAME.tmp-XXXXXXXX`.
    public static func isAtomicTemporary(_ name: String) -> Bool {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards),
              marker.lowerBound > name.index(after: name.startIndex) else { return false }
        return isHex8(name[marker.upperBound...])
    }

    /// Whether the process `pid` is running (or exists but belongs to someone else).
    public static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    private static func isHex8(_ text: Substring) -> Bool {
        text.count == 8 && text.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }
}
