/// Why a file could not be opened or read for a notebook; the interpreter turns each case into a located
/// message that names the path as the notebook wrote it.
public enum SandboxError: Error, Equatable, Sendable {
    /// The file (or, for a missing one, its path) lies outside the notebook's folder and every allowed root.
    case outside
    /// There is no such file (or a component of the path is not a folder).
    case missing
    /// The path names a folder.
    case folder
    /// The path names something that is neither a file nor a folder; `kind` is `a FIFO`, `a device`, …
    case special(kind: String)
    /// The system refused to open or read the file (permissions, I/O error), with its reason.
    case unreadable(SystemCallError)
    /// Where the opened file lies could not be found out (`/proc/self/fd` is not available), so it is refused.
    case unverifiable(SystemCallError)
    /// The file became shorter while it was read.
    case changed
}

extension SandboxError: CustomStringConvertible {
    /// The cause in a few lower-case words, for readers outside a notebook (a notebook's reads get the
    /// interpreter's located messages instead).
    public var description: String {
        switch self {
        case .outside: return "it is outside the folders reads may touch"
        case .missing: return "no such file or directory"
        case .folder: return "it is a folder, not a file"
        case .special(let kind): return "it is not a regular file (it is \(kind))"
        case .unreadable(let failure), .unverifiable(let failure): return failure.lowercasedMessage
        case .changed: return "the file changed while it was read"
        }
    }
}
