import Foundation
import UnrollInterpreter

/// Writes the files a notebook saved into its report folder `OUT/NAME/`, after the reports (the report writer
/// replaces that folder as a whole), each through a temporary file renamed into place.
enum SavedFileWriter {
    /// Writes `files` into `directory/name/` and returns their paths in order; throws when one cannot be written.
    static func write(_ files: [SavedFile], into directory: String, name: String) throws -> [String] {
        guard !files.isEmpty else { return [] }
        let folder = (directory.hasSuffix("/") ? directory : directory + "/") + name
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw SavedFileError(path: folder, reason: "cannot create the folder")
        }
        return try files.map { file in
            precondition(!file.name.contains("/") && !file.name.hasPrefix(".") && !file.name.isEmpty,
                         "saved file name '\(file.name)' must be a plain file name")
            let path = folder + "/" + file.name
            do {
                try file.contents.write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw SavedFileError(path: path, reason: "cannot write the file")
            }
            return path
        }
    }
}

/// A saved file that could not be written.
struct SavedFileError: Error, CustomStringConvertible {
    /// The file or folder.
    let path: String
    /// Why, lower-case.
    let reason: String

    /// `cannot write 'PATH': REASON`.
    var description: String { "cannot write '\(path)': \(reason)" }
}
