/// An echo state network that cannot be built or fitted, described by a lower-case message with the numbers.
public struct EchoStateError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. `the reservoir has spectral radius 0 (no cycles at density 0.001); raise 'density'`.
    public let message: String

    /// An error with the given message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
