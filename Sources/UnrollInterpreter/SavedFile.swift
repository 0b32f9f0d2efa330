import Foundation

/// A file a notebook saved (`save_weights`, `save_tensors`): its plain name and its bytes. The interpreter
/// only collects them; `unroll run` writes them into the notebook's report folder, and `unroll check` does not.
public struct SavedFile: Equatable, Sendable {
    /// The file name, a plain name ending in `.safetensors`.
    public let name: String
    /// The file's contents.
    public let contents: Data

    /// A saved file from its parts.
    public init(name: String, contents: Data) {
        self.name = name
        self.contents = contents
    }
}
