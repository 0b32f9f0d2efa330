#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file set was not written (or, after its commit, not completely moved into place).
public struct FileSetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What happened, as users read it.
    public let message: WriteMessage

    /// An error with `message`.
    public init(_ message: WriteMessage) {
        self.message = message
    }

    /// The error for a failed system call while writing the file that will be `destination`: a full disk by
    /// name, anything else with the system's reason.
    init(writing destination: String, _ failure: SystemCallError) {
        if failure.code == ENOSPC || failure.code == EDQUOT {
            message = .noSpace(path: destination)
        } else {
            message = .cannotWrite(path: destination, reason: failure.message.lowercased())
        }
    }

    /// Whether Unroll refused to write (the command line points the output at an input): a usage error.
    public var isRefusal: Bool {
        switch message {
        case .overInput, .overBaseline, .foreignFolder, .fileInTheWay: return true
        case .noSpace, .cannotWrite, .unfinishedSwap: return false
        }
    }

    /// The message's text.
    public var description: String { message.text }
}
