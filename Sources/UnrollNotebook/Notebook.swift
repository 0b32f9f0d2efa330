import UnrollDiagnostics

/// A parsed notebook: its front matter and its blocks in document order.
public struct Notebook: Equatable, Sendable, Codable {
    /// The path as the caller gave it (diagnostics use it as is).
    public var path: String
    /// The front matter (empty when the notebook has none).
    public var frontMatter: FrontMatter
    /// Prose, code blocks and cells in document order.
    public var blocks: [NotebookBlock]
    /// Problems that do not stop the notebook from running.
    public var warnings: [Diagnostic]

    /// A notebook from its parts.
    public init(path: String, frontMatter: FrontMatter, blocks: [NotebookBlock], warnings: [Diagnostic] = []) {
        self.path = path
        self.frontMatter = frontMatter
        self.blocks = blocks
        self.warnings = warnings
    }

    /// The rnn cells in order (their `index` is their position here).
    public var cells: [Cell] {
        blocks.compactMap { block in
            if case .cell(let cell) = block { return cell }
            return nil
        }
    }

    /// The cell whose id is `id`, if any.
    public func cell(id: String) -> Cell? { cells.first { $0.id == id } }
}
