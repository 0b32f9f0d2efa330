/// A sequence-to-sequence configuration that cannot be built, described by a lower-case message with the sizes.
public struct Seq2SeqError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. `dot attention needs the encoder output size 12 to equal the decoder hidden size 8`.
    public let message: String

    /// An error with the given message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
