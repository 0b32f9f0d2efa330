import UnrollDiagnostics

// The messages of the reports: each case is one message, its associated values its arguments, and its `text` the
// one place the wording is written (the catalog test renders every case).

/// Why a run's `index.html` was left alone.
public enum IndexMessage: DiagnosticMessage, Hashable {
    /// A notebook named `index` owns `index.html` (its report).
    case notebookNamedIndex(folder: String)
    /// An `index.html` is in the folder that Unroll did not write.
    case notWrittenByUnroll(path: String)

    /// Every message of this type belongs to the reports.
    public static let domain = "UnrollReport"

    /// A note: the run itself succeeded.
    public var severity: Severity { .note }

    /// The message as users read it.
    public var text: String {
        switch self {
        case .notebookNamedIndex(let folder):
            return "no run index written: '\(folder)/index.html' is the report of a notebook named 'index'; "
                + "rename the notebook to get one"
        case .notWrittenByUnroll(let path):
            return "no run index written: '\(path)' was not written by unroll; remove or rename it to get a run index"
        }
    }
}
