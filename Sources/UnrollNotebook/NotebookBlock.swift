/// One piece of a notebook, in document order.
public enum NotebookBlock: Equatable, Hashable, Sendable, Codable {
    /// Text between code blocks.
    case prose(Prose)
    /// A code block that is not run (another language, or indented).
    case code(CodeBlock)
    /// An ```` ```rnn ```` cell.
    case cell(Cell)

    /// The 1-based file line where the block starts.
    public var line: Int {
        switch self {
        case .prose(let prose): return prose.startLine
        case .code(let code): return code.line
        case .cell(let cell): return cell.fenceLine
        }
    }
}
