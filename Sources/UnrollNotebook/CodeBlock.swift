/// A code block that is not an rnn cell: copied to the reports as is.
public struct CodeBlock: Equatable, Hashable, Sendable, Codable {
    /// The info string's first word (e.g. `python`), or empty for an indented block or a bare fence.
    public var language: String
    /// The whole info string as cmark read it (backslash escapes and entities resolved).
    public var info: String
    /// The code, each line ending in LF.
    public var code: String
    /// Whether the block was fenced rather than indented.
    public var isFenced: Bool
    /// The 1-based file line where it starts (the opening fence, or the first indented line).
    public var line: Int
    /// The 1-based file line where it ends.
    public var endLine: Int

    /// A code block from its parts.
    public init(language: String, info: String, code: String, isFenced: Bool, line: Int, endLine: Int) {
        self.language = language
        self.info = info
        self.code = code
        self.isFenced = isFenced
        self.line = line
        self.endLine = endLine
    }
}
