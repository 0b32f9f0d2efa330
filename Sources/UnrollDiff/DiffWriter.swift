import Foundation
import UnrollFileIO

/// Writes a diff report to a file together with its SVG figures in the folder beside it (`pr.md` → `pr/`), as
/// `unroll run` lays out its figures, through the one writer of a set of files (`FileSetWriter`): the file and
/// its figures replace the previous ones together or not at all, and figures of an earlier diff that this one
/// no longer has are removed.
public enum DiffWriter {
    /// The folder name the figures of the Markdown file `path` go in, relative to the file's folder: its name
    /// without `.md`.
    public static func figureFolder(for path: String) -> String {
        let name = (path as NSString).lastPathComponent
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name + ".figures"
    }

    /// Writes `text` to `path` and each figure (paths relative to the file's folder, inside
    /// `figureFolder(for: path)`) beside it; throws `FileSetError`, and then nothing was changed.
    public static func write(_ text: String, figures: [(relativePath: String, contents: String)], to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let files = figures.map { OutputFile(path: $0.relativePath, text: $0.contents) } + [OutputFile(path: name, text: text)]
        try FileSetWriter(directory: folder.isEmpty ? "." : folder).write(files, folder: figureFolder(for: path))
    }
}
