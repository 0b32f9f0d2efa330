import UnrollDiagnostics

/// The messages about the files a notebook reads.
enum FileMessage: DiagnosticMessage, Hashable {
    /// A path that leaves the notebook's folder (and every folder the user allowed).
    case outsideFolder(path: String, rootsAllowed: Bool)

    /// Every message of this type belongs to the interpreter.
    static let domain = "UnrollInterpreter"

    /// The message as users read it.
    var text: String {
        switch self {
        case .outsideFolder(let path, let rootsAllowed):
            return "'\(path)' is outside the notebook's folder; data files must be inside it"
                + (rootsAllowed ? " or an allowed folder" : "")
        }
    }
}
