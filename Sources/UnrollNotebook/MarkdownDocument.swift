/// What `CommonMarkConverter` copies out of a cmark tree: plain Swift values, no pointers.
struct MarkdownDocument: Equatable, Sendable {
    /// The children of the document node, in document order.
    var blocks: [MarkdownBlock]
    /// Code blocks nested inside lists or block quotes (they stay inside their prose; listed for warnings).
    var nestedCode: [MarkdownCode]
}

/// One top-level block of a CommonMark document.
enum MarkdownBlock: Equatable, Sendable {
    /// A fenced or indented code block.
    case code(MarkdownCode)
    /// Any other block (paragraph, heading, list, quote, rule, raw HTML), already rendered to HTML.
    case prose(MarkdownProse)

    /// The 1-based line the block starts on.
    var startLine: Int {
        switch self {
        case .code(let code): return code.startLine
        case .prose(let prose): return prose.startLine
        }
    }
}

/// A code block as cmark saw it.
struct MarkdownCode: Equatable, Sendable {
    /// The info string after the opening fence (unescaped by cmark); empty for indented blocks.
    var info: String
    /// The code, each line ending in LF.
    var literal: String
    /// The 1-based line of the opening fence (or of the first line of an indented block).
    var startLine: Int
    /// The 1-based column where the block starts.
    var startColumn: Int
    /// The 1-based line of the closing fence, or of the last line the block covers.
    var endLine: Int
}

/// A non-code top-level block, rendered by cmark.
struct MarkdownProse: Equatable, Sendable {
    /// The block's HTML from cmark's safe renderer.
    var html: String
    /// The 1-based first line.
    var startLine: Int
    /// The 1-based last line.
    var endLine: Int
    /// The images in the block, whose `src` in `html` is their placeholder.
    var images: [ProseImage] = []
}
