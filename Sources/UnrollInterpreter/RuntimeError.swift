import UnrollDiagnostics
import UnrollRecord

/// A cell that failed while running: a missing file, a failed `expect`, data a model cannot read, …
public struct RuntimeError: Error, CustomStringConvertible {
    /// What went wrong and where: the expression at fault, in the `.md` file's lines and columns.
    public var diagnostic: Diagnostic
    /// The outputs the cell produced before it failed, in order.
    public var outputs: [CellOutput]

    /// An error from its diagnostic and the outputs made so far.
    public init(diagnostic: Diagnostic, outputs: [CellOutput] = []) {
        self.diagnostic = diagnostic
        self.outputs = outputs
    }

    /// The error of `message` pointing at `range`, with the message's identifier and arguments.
    init(_ message: some DiagnosticMessage, at range: SourceRange) {
        self.init(diagnostic: Diagnostic(message, at: range))
    }

    /// An error with `message` pointing at `range`.
    init(_ message: String, at range: SourceRange) {
        self.init(diagnostic: Diagnostic(.error, message, at: range.start, length: range.length))
    }

    /// The diagnostic's one-line form.
    public var description: String { diagnostic.description }
}
