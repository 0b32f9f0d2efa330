#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import UnrollDiagnostics

extension Interpreter {
    /// The `path` argument as given and as resolved inside the notebook's folder or an allowed root; a path
    /// outside them, or one naming a FIFO, a device or a socket (which reading could block on), is an error at
    /// the argument. A missing file or a folder is left to the reader, which says so in its own words.
    func sandboxedPath(_ arguments: Arguments) throws -> (shown: String, actual: String) {
        let shown = try arguments.string("path")
        guard let actual = sandbox.resolve(shown) else {
            throw RuntimeError(FileMessage.outsideFolder(path: shown, rootsAllowed: !settings.allowedRoots.isEmpty),
                               at: arguments.place("path"))
        }
        if let kind = Self.specialFileKind(actual) {
            throw RuntimeError(FileMessage.notRegularFile(path: shown, kind: kind), at: arguments.place("path"))
        }
        return (shown, actual)
    }

    /// What `path` is when it exists and is neither a regular file nor a folder (`a FIFO`, `a device`,
    /// `a socket`); nil otherwise.
    static func specialFileKind(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR: return nil
        case S_IFIFO: return "a FIFO"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }
}
