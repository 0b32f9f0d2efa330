import Foundation
import UnrollFileIO

/// Reads data files as UTF-8 text, turning every way that can fail into a `DataError`.
///
/// A leading byte-order mark is dropped and line endings (`\r\n`, lone `\r`) become `\n`.
public enum TextFile {
    /// The text of the file at `path`, with the problems a user can cause reported as `DataError`s
    /// (no such file, a folder, unreadable, not UTF-8, empty).
    public static func read(_ path: String) throws -> String {
        try text(of: readBytes(path), name: path)
    }

    /// The bytes of the file at `path`, with a missing file, a folder, a special file or one the system will
    /// not read reported as a `DataError` that names the cause.
    public static func readBytes(_ path: String) throws -> [UInt8] {
        do {
            return try OpenedFile(path: path).readAll()
        } catch SandboxError.missing {
            throw DataError(missingFileReason(path), file: path)
        } catch SandboxError.folder {
            throw DataError("is a folder, not a file", file: path)
        } catch let error as SandboxError {
            throw DataError("cannot be read: \(error)", file: path)
        }
    }

    /// The text of a file's `bytes` (see `decode`), which must not be empty; `name` names the file in errors.
    public static func text(of bytes: [UInt8], name: String) throws -> String {
        let text = try decode(bytes, name: name)
        if text.isEmpty { throw DataError("is empty", file: name) }
        return text
    }

    /// Decodes UTF-8 `bytes`, naming `name` and the line of the first invalid byte on failure, and normalizes
    /// line endings.
    public static func decode(_ bytes: [UInt8], name: String) throws -> String {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let body = bytes[start...]
        if let line = firstInvalidLine(body) {
            throw DataError("is not valid utf-8 text (save it with utf-8 encoding)", file: name, line: line)
        }
        return normalizeNewlines(String(decoding: body, as: UTF8.self))
    }

    /// `text` with `\r\n` and lone `\r` replaced by `\n`.
    public static func normalizeNewlines(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n", previousWasCR { previousWasCR = false; continue }
            previousWasCR = false
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// The 1-based line holding the first byte that does not decode as UTF-8, or nil when all do.
    static func firstInvalidLine(_ bytes: ArraySlice<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == 10 { line += 1 }
            case .emptyInput:
                return nil
            case .error:
                return line
            }
        }
    }

    /// `no such file`, with the closest name in the same folder when one looks like a typo.
    static func missingFileReason(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? []
        if let near = NameSuggestion.closest(to: name, in: siblings) {
            return "no such file; did you mean '\(near)'?"
        }
        return "no such file"
    }
}
