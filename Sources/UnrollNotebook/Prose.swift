/// A run of text between code blocks: its Markdown source and cmark's safe HTML for it.
public struct Prose: Equatable, Hashable, Sendable, Codable {
    /// The source lines, sliced from the file, each ending in LF; blank lines at either end left out.
    public var markdown: String
    /// The HTML from cmark's safe renderer (raw HTML omitted, unsafe links emptied); safe to embed as is.
    public var html: String
    /// The 1-based first file line of `markdown`.
    public var startLine: Int
    /// The 1-based last file line of `markdown`.
    public var endLine: Int
    /// The images in the prose; `html` holds each one's placeholder `src` (`ProseImage.placeholder`).
    public var images: [ProseImage]

    /// Prose from its parts.
    public init(markdown: String, html: String, startLine: Int, endLine: Int, images: [ProseImage] = []) {
        self.markdown = markdown
        self.html = html
        self.startLine = startLine
        self.endLine = endLine
        self.images = images
    }
}
