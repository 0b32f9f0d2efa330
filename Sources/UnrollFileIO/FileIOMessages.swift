import UnrollDiagnostics

// The messages about writing a run's files: what could not be written (and that nothing changed), and what
// Unroll refuses to write over.

/// The messages of the file-set writer, for reports, run records, figures, saved files and baselines.
public enum WriteMessage: DiagnosticMessage, Hashable {
    /// The disk filled while a file of the set was written; the previous files are untouched.
    case noSpace(path: String)
    /// A file of the set could not be written for another reason (the system's, lower-case).
    case cannotWrite(path: String, reason: String)
    /// A file to write is one the run reads (the notebook or one of its data files).
    case overInput(destination: String, input: String)
    /// A run record `unroll run` would write is a notebook's baseline (only `check --update` writes those).
    case overBaseline(destination: String, notebook: String)
    /// The report folder exists and holds something Unroll did not write there.
    case foreignFolder(folder: String, entry: String)
    /// A file stands where the report folder goes.
    case fileInTheWay(path: String)
    /// The new files were complete but one could not be moved into place; they wait in the staging folder.
    case unfinishedSwap(path: String, reason: String, staging: String)

    /// Every message of this type belongs to the file module.
    public static let domain = "UnrollFileIO"

    /// The message as users read it.
    public var text: String {
        switch self {
        case .noSpace(let path):
            return "no space left on device while writing '\(path)'; nothing was changed; free some space and run again"
        case .cannotWrite(let path, let reason):
            return "cannot write '\(path)': \(reason); nothing was changed"
        case .overInput(let destination, let input):
            return "'\(destination)' would overwrite '\(input)', which this run reads; Unroll never overwrites "
                + "its inputs: write to another folder, such as '--out output'"
        case .overBaseline(let destination, let notebook):
            return "'\(destination)' is the baseline of '\(notebook)'; 'unroll run' never writes baselines ('unroll "
                + "check --update' does): write to another folder, such as '--out output'"
        case .foreignFolder(let folder, let entry):
            return "the report folder '\(folder)' holds '\(entry)', which Unroll did not write; Unroll keeps its "
                + "figures and saved files apart from other files: write to another folder, such as '--out output'"
        case .fileInTheWay(let path):
            return "a file is in the way of the report folder '\(path)'; move it, or write to another folder with --out"
        case .unfinishedSwap(let path, let reason, let staging):
            return "cannot move the new '\(path)' into place: \(reason); the new files wait in '\(staging)' and the "
                + "next run into this folder finishes replacing the old ones"
        }
    }
}
