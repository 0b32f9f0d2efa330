/// A figure file the Markdown report refers to: its path relative to the output folder, and its text.
public struct ReportFigure: Equatable, Sendable {
    /// The path relative to the output folder, for example `poems/train-lm-history.svg`.
    public var relativePath: String
    /// The file's contents (an SVG document).
    public var contents: String

    /// A figure from its parts.
    public init(relativePath: String, contents: String) {
        self.relativePath = relativePath
        self.contents = contents
    }
}
