/// A problem with the command line itself (exit 64): a missing path, a malformed `-p`, an unknown format.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    /// The message, lower-case, without the `error:` prefix.
    public var message: String

    /// A usage error with `message`.
    public init(_ message: String) { self.message = message }

    /// `error: message`.
    public var description: String { "error: \(message)" }
}
