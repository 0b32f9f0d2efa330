import Foundation

/// One file of a set written together: its path relative to the output folder (`NAME.html`, or
/// `NAME/loss.svg` inside the set's folder) and its bytes.
public struct OutputFile: Equatable, Sendable {
    /// The path relative to the output folder: a plain name, or the set's folder, `/` and a plain name.
    public let path: String
    /// The file's contents.
    public let contents: Data

    /// A file from its bytes.
    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    /// A file holding `text` as UTF-8.
    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}
