import UnrollDiagnostics

// The messages of `unroll diff`: each case is one message, its associated values its arguments, and its `text`
// the one place the wording is written (the catalog test renders every case).

/// Why `unroll diff` cannot compare what it was given.
public enum DiffMessage: DiagnosticMessage, Hashable {
    /// Neither two records nor one notebook with `--from` were named.
    case wrongOperands(count: Int, withFrom: Bool)
    /// `--to` without `--from`.
    case toWithoutFrom
    /// `--from` given something other than a `.md` notebook.
    case notANotebook(path: String)
    /// A notebook named where a run record was expected.
    case notebookGiven(path: String)
    /// A record file that does not exist.
    case noSuchRecord(path: String)
    /// A file that exists but cannot be read.
    case unreadable(path: String, reason: String)
    /// A file that is not a run record (its JSON is malformed or has the wrong shape).
    case notARecord(path: String, reason: String)
    /// The working tree has no record of the notebook, neither a run nor a baseline.
    case noWorkingRecord(notebook: String, run: String, baseline: String)
    /// The notebook's folder does not exist.
    case noSuchFolder(path: String)
    /// `git` could not be started.
    case gitMissing
    /// The notebook's folder is not in a git repository.
    case notARepository(folder: String)
    /// A revision git does not know.
    case unknownRevision(revision: String)
    /// The record's path is not in the revision.
    case notAtRevision(path: String, revision: String)
    /// git failed otherwise.
    case gitFailed(command: String, message: String)

    /// Every message of this type belongs to the diff.
    public static let domain = "UnrollDiff"

    /// The message as users read it.
    public var text: String {
        switch self {
        case .wrongOperands(let count, let withFrom):
            return withFrom
                ? "--from compares one notebook (NAME.md) at two revisions, got \(count) paths; use 'unroll diff notebooks/x.md --from HEAD~1'"
                : "diff needs two run records, got \(count); use 'unroll diff output/x.json notebooks/baselines/x.json' or 'unroll diff notebooks/x.md --from HEAD~1'"
        case .toWithoutFrom:
            return "--to needs --from; use 'unroll diff notebooks/x.md --from HEAD~1 --to HEAD'"
        case .notANotebook(let path):
            return "--from needs a notebook ending in '.md', got '\(path)'"
        case .notebookGiven(let path):
            return "'\(path)' is a notebook, not a run record; compare its records across revisions with 'unroll diff \(path) --from HEAD~1'"
        case .noSuchRecord(let path):
            return "no run record '\(path)'; 'unroll run' writes output/NAME.json and 'unroll check --update' notebooks/baselines/NAME.json"
        case .unreadable(let path, let reason):
            return "cannot read '\(path)': \(reason)"
        case .notARecord(let path, let reason):
            return "'\(path)' is not a run record: \(reason)"
        case .noWorkingRecord(let notebook, let run, let baseline):
            return "no record of '\(notebook)' to compare with: neither '\(run)' nor '\(baseline)' exists; run 'unroll run \(notebook)' first"
        case .noSuchFolder(let path):
            return "no folder '\(path)' for the notebook; name a notebook inside the repository"
        case .gitMissing:
            return "cannot run 'git' (is it installed and on PATH?); --from reads the old record with 'git show'"
        case .notARepository(let folder):
            return "'\(folder)' is not inside a git repository; --from reads the old record from one"
        case .unknownRevision(let revision):
            return "no revision '\(revision)' in the repository; name a commit, branch or tag such as 'HEAD~1'"
        case .notAtRevision(let path, let revision):
            return "'\(path)' is not in revision '\(revision)'; commit its baseline there ('unroll check --update') or pick another revision"
        case .gitFailed(let command, let message):
            return "'\(command)' failed: \(message)"
        }
    }
}

/// A `DiffMessage` raised while gathering the records, with the file it is about (and where in it, for JSON).
public struct DiffError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: DiffMessage
    /// The file the message is about, if one; `path:line:col` for malformed JSON.
    public var location: String?

    /// An error with `message` about `location`.
    public init(_ message: DiffMessage, location: String? = nil) {
        self.message = message
        self.location = location
    }

    /// Whether the input is unreadable as a run record (exit 65), rather than a usage problem (exit 64).
    public var isInvalidRecord: Bool {
        if case .notARecord = message { return true }
        return false
    }

    /// `location: error: text`, or `error: text` without a location.
    public var description: String {
        (location.map { "\($0): " } ?? "") + "error: " + message.text
    }
}
