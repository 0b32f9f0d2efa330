/// The process exit codes DESIGN.md fixes.
public enum ExitStatus: Int32, Comparable, Sendable {
    /// Everything ran and passed.
    case success = 0
    /// A cell failed: an error, a failed `expect`, a timeout.
    case cellFailed = 1
    /// `check` found a regression.
    case regression = 2
    /// Bad command-line usage.
    case usage = 64
    /// A notebook does not parse or check.
    case invalidNotebook = 65

    /// Orders statuses by severity, so that several notebooks' statuses combine with `max`.
    public static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.severity < rhs.severity }

    private var severity: Int {
        switch self {
        case .success: return 0
        case .cellFailed: return 1
        case .regression: return 2
        case .invalidNotebook: return 3
        case .usage: return 4
        }
    }
}
