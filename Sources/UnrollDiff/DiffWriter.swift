import Foundation
import UnrollFileIO

/// Writes a diff report to a file: the text replaced atomically and, for Markdown, its SVG figures first, each
/// replaced atomically in the folder beside it (`pr.md` → `pr/`), as `unroll run` lays out its figures.
public enum DiffWriter {
    /// The folder name the figures of the Markdown file `path` go in, relative to the file's folder: its name
    /// without `.md`.
    public static func figureFolder(for path: String) -> String {
        let name = (path as NSString).lastPathComponent
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name + ".figures"
    }

    /// Writes `text` to `path` and each figure (paths relative to the file's folder) beside it, creating missing
    /// folders; throws `DiffError` naming the file that could not be written.
    public static func write(_ text: String, figures: [(relativePath: String, contents: String)], to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        for figure in figures {
            try write(figure.contents, to: folder.isEmpty ? figure.relativePath : (folder as NSString).appendingPathComponent(figure.relativePath))
        }
        try write(text, to: path)
    }

    /// Replaces the file at `path` with `text`, creating its folder if missing.
    private static func write(_ text: String, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        } catch {
            throw DiffError(.unwritable(path: path, reason: "cannot create the folder '\(folder)'"))
        }
        do {
            try AtomicFile.write(Array(text.utf8), to: path)
        } catch let failure as SystemCallError {
            throw DiffError(.unwritable(path: path, reason: failure.message.lowercased()))
        }
    }
}
