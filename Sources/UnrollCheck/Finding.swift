import Foundation

/// One difference between a run and its baseline: where it is, what was expected, what was found.
public struct Finding: Equatable, Sendable {
    /// What sort of difference this is.
    public enum Kind: Equatable, Sendable {
        /// A number or text differs beyond the tolerance.
        case valueMismatch
        /// A series line, table or heatmap changed its length or shape, or a header changed.
        case shapeMismatch
        /// An output changed kind (a scalar became a table, …).
        case kindChanged
        /// An output of the baseline is missing from the run.
        case outputMissing
        /// The run has an output the baseline lacks.
        case outputAdded
        /// A cell of the baseline is missing from the run.
        case cellRemoved
        /// The run has a cell the baseline lacks.
        case cellAdded
        /// The cell's status changed (for example passed → skipped).
        case statusChanged
        /// The cell failed in this run.
        case cellFailed
        /// More value mismatches in the same output than are listed one by one.
        case moreMismatches(Int)
        /// After a series line's first differing point, how many later points of how many differ too.
        case laterPoints(Int, of: Int)
        /// The notebook has no baseline to compare the cell with; the text says where it was looked for and how
        /// to create it.
        case noBaseline(String)
        /// A value's verdict in a statistical check (`check --seeds K`): the text gives both means, both
        /// spreads and the p-value or the tolerance.
        case seedSample(String)
    }

    /// How much a finding matters for the exit status.
    public enum Severity: Int, Comparable, Sendable {
        /// Worth telling, not a regression (a new cell, a new output, a cell that now passes).
        case note
        /// A regression: `check` exits 2 unless a cell failed.
        case regression
        /// A cell failed in this run: `check` exits 1.
        case failure

        /// Orders severities from note to failure.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// What sort of difference this is.
    public var kind: Kind
    /// How much it matters.
    public var severity: Severity
    /// The notebook's path.
    public var notebookPath: String
    /// The cell's id.
    public var cellID: String
    /// The line of the cell's opening fence in the `.md` file (the baseline's line for a removed cell).
    public var line: Int
    /// Where the value is: `cell/output/line[index]`, `cell/output[row][column]`, `cell/output` or `cell`.
    public var valuePath: String
    /// The baseline's value, as text; nil when there is none.
    public var expected: String?
    /// This run's value, as text; nil when there is none.
    public var actual: String?
    /// |actual − expected| for numbers.
    public var absoluteDifference: Double?
    /// |actual − expected| / |expected| for numbers (infinite when expected is 0).
    public var relativeDifference: Double?
    /// Other outputs (`cell/output`) whose mismatches repeat this output's value for value, reported here once.
    public var alsoIn: [String] = []

    /// A finding from its parts.
    public init(kind: Kind, severity: Severity, notebookPath: String, cellID: String, line: Int, valuePath: String,
                expected: String? = nil, actual: String? = nil, absoluteDifference: Double? = nil,
                relativeDifference: Double? = nil) {
        self.kind = kind
        self.severity = severity
        self.notebookPath = notebookPath
        self.cellID = cellID
        self.line = line
        self.valuePath = valuePath
        self.expected = expected
        self.actual = actual
        self.absoluteDifference = absoluteDifference
        self.relativeDifference = relativeDifference
    }

    /// The finding without its location: `value: expected X, got Y (abs diff D, rel diff R)` and the like.
    public var detail: String {
        let expected = self.expected ?? "nothing", actual = self.actual ?? "nothing"
        switch kind {
        case .valueMismatch:
            var text = "\(valuePath): expected \(expected), got \(actual)"
            if let absoluteDifference, let relativeDifference {
                text += " (abs diff \(Finding.format(absoluteDifference)), rel diff \(Finding.format(relativeDifference)))"
            }
            return text
        case .shapeMismatch, .kindChanged, .statusChanged:
            return "\(valuePath): expected \(expected), got \(actual)"
        case .outputMissing:
            return "\(valuePath): expected \(expected), got nothing (the output is gone)"
        case .outputAdded:
            return "\(valuePath): note: new output \(actual), not in the baseline"
        case .cellRemoved:
            return "cell is in the baseline but not in the notebook (removed or renamed)"
        case .cellAdded:
            return "note: new cell, not in the baseline; record it with 'unroll check --update'"
        case .cellFailed:
            return "cell failed\(self.actual.map { ": \($0)" } ?? "")"
        case .moreMismatches(let count):
            return "\(valuePath): \(count) more mismatch\(count == 1 ? "" : "es") not listed"
        case .noBaseline(let why), .seedSample(let why):
            return why
        case .laterPoints(let count, let total):
            return "\(valuePath): \(count) later point\(count == 1 ? "" : "s") of \(total) differ\(count == 1 ? "s" : "") too"
        }
    }

    /// `path:line: cell 'id': detail`, then `(also in cell/output, …)` when other outputs repeat it.
    public var description: String {
        let repeats = alsoIn.isEmpty ? "" : " (also in \(alsoIn.joined(separator: ", ")))"
        return "\(notebookPath):\(line): cell '\(cellID)': \(detail)\(repeats)"
    }

    /// A difference with three significant digits, in a fixed format (`0.0123`, `1.5e-07`, `inf`).
    static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return String(format: "%.3g", value)
    }
}
