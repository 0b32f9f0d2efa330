import Foundation
import UnrollData
import UnrollFileIO
import UnrollRecord

/// What reading a file that a notebook's prose refers to (an image) gave.
public enum ProseFileRead: Equatable {
    /// The file's bytes.
    case bytes([UInt8])
    /// The file has `size` bytes, more than the reader's limit; it was not read.
    case tooLarge(size: Int)
    /// Why it could not be read: the sandbox's message, naming the path (`'x.png' is outside the notebook's folder; …`).
    case problem(String)
}

extension Interpreter {
    /// Reads `path` (relative to the notebook's folder) through the same sandbox as data files, for the
    /// report: a path outside the notebook's folder and the allowed ones, a FIFO, a device or a folder is a
    /// problem, a file over `maxBytes` is not read, and a file read is recorded in `filesRead` like data.
    public func readProseFile(_ path: String, maxBytes: Int) -> ProseFileRead {
        do {
            let file = try sandbox.open(path)
            guard file.size <= maxBytes else { return .tooLarge(size: file.size) }
            let bytes = try file.readAll()
            guard bytes.count <= maxBytes else { return .tooLarge(size: bytes.count) }
            filesRead.append(FileRecord(path: path, bytes: bytes))
            return .bytes(bytes)
        } catch let error as SandboxError {
            return .problem(fileMessage(error, path: path).text)
        } catch {
            return .problem("'\(path)' cannot be read: \(error)")
        }
    }
}
