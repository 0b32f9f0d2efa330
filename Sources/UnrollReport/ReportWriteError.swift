/// A report file that could not be written (missing permission, full disk, a file where a folder should be).
public struct ReportWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path that could not be written.
    public var path: String
    /// Why, lower-case (from the operating system where it said).
    public var reason: String

    /// An error for `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `cannot write 'PATH': REASON`.
    public var description: String { "cannot write '\(path)': \(reason)" }
}
