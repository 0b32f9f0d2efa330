import Foundation
import UnrollCheck
import UnrollFileIO
import UnrollNotebook
import UnrollRecord
import UnrollReport
import UnrollRunner

/// Checks one notebook: prepares and runs it, then compares its run record with the baseline (or, with
/// `update`, rewrites the baseline). Never writes anything but the baseline, and that only with `update`.
public struct NotebookChecker: Sendable {
    /// What checking one notebook produced: its exit status, what to print, and the verdicts for JUnit.
    public struct Outcome: Sendable {
        /// The notebook's exit status for `unroll check`.
        public var status: ExitStatus
        /// What to print on standard output: the mismatches and the notebook's closing line.
        public var stdout: String
        /// What to print on standard error: warnings, cell errors and why the notebook could not be checked.
        public var stderr: String
        /// The per-cell verdicts (for the JUnit report and the closing count).
        public var check: NotebookCheck
    }

    /// How the cells run (params, time limit, readable folders).
    public var settings: RunSettings
    /// The folder holding the baselines `NAME.json`; nil for `baselines/` beside each notebook.
    public var baselineDirectory: String?
    /// Rewrite the baseline instead of comparing with it.
    public var update: Bool
    /// With `--seeds K`: run each notebook with K seeds and compare (or record) each value's distribution
    /// instead of the exact values; nil for the exact check.
    public var seeds: Int?
    /// The family-wise level of a statistical check's tests (`--alpha`).
    public var alpha: Double

    /// A checker running notebooks with `settings` against the baselines in `baselineDirectory` (by default
    /// `baselines/` beside each notebook), or with `update` rewriting them; with `seeds`, statistically.
    public init(settings: RunSettings, baselineDirectory: String? = nil, update: Bool, seeds: Int? = nil,
                alpha: Double = 0.01) {
        precondition(seeds.map { $0 >= 3 } ?? true, "a statistical check needs at least 3 seeds")
        self.settings = settings
        self.baselineDirectory = baselineDirectory
        self.update = update
        self.seeds = seeds
        self.alpha = alpha
    }

    /// Checks the notebook at `path`.
    public func check(_ path: String) -> Outcome {
        let prepared: PreparedNotebook
        switch PreparedNotebook.prepare(path: path, overrides: settings.overrides) {
        case .failure(let failure):
            let (status, err) = NotebookBatch.describe(failure)
            let reason = status == .usage ? err.trimmingCharacters(in: .whitespacesAndNewlines)
                : "the notebook does not parse or check"
            return Outcome(status: status, stdout: "", stderr: err, check: NotebookCheck(path: path, cells: [], error: reason))
        case .success(let p):
            prepared = p
        }
        var err = NotebookBatch.warnings(of: prepared)
        if let seeds { return checkSeeds(prepared, count: seeds, stderr: err) }
        // Cell times are measured for the JUnit report only; baselines are written without them.
        var timed = settings
        timed.timings = true
        let result = NotebookRunner.run(prepared, settings: timed)
        var secondsByID: [String: Double] = [:]
        for cell in result.record.cells { if let s = cell.seconds { secondsByID[cell.id] = s } }
        for e in result.errors { err += e + "\n" }
        let (name, directory, baselinePath) = baselineLocation(of: path)
        if update { return write(result, name: name, to: baselinePath, in: directory, path: path, stderr: err) }

        let baseline: RunRecord
        do {
            baseline = try readBaseline(baselinePath, for: result.record, path: path, stderr: err)
        } catch {
            return error.outcome
        }
        let comparison = RecordComparison(notebookSettings: notebookSettings(of: prepared))
        let compared = comparison.compare(actual: result.record, baseline: baseline)
        return outcome(of: compared, baseline: baseline, actual: result.record, baselinePath: baselinePath,
                       seconds: secondsByID, stderr: err) { check in
            "ok (\(count(check.passedCount, "cell")) matched \(baselinePath))"
        }
    }

    /// Why a notebook could not be compared, as the outcome to report.
    struct Unchecked: Error {
        /// The outcome: exit 1, with the reason on stderr.
        var outcome: NotebookChecker.Outcome
    }

    /// The baseline at `baselinePath` for the run `record` of the notebook at `path`; throws `Unchecked` when it
    /// is missing (every cell of the run then counts as failed) or cannot be read.
    func readBaseline(_ baselinePath: String, for record: RunRecord, path: String, stderr err: String) throws(Unchecked)
        -> RunRecord
    {
        guard let data = FileManager.default.contents(atPath: baselinePath) else {
            let message = "no baseline '\(baselinePath)' for '\(path)'; run 'unroll check --update \(path)' to create one"
            // Every cell counts: none of them could be compared.
            let cells = record.cells.map { cell in
                CellVerdict(cellID: cell.id, line: cell.sourceLine, outcome: .failed, findings: [
                    Finding(kind: .noBaseline(message), severity: .failure, notebookPath: path, cellID: cell.id,
                            line: cell.sourceLine, valuePath: cell.id),
                ])
            }
            throw Unchecked(outcome: Outcome(status: .cellFailed, stdout: "", stderr: err + "error: \(message)\n",
                                             check: cells.isEmpty ? NotebookCheck(path: path, cells: [], error: message)
                                                                  : NotebookCheck(path: path, cells: cells)))
        }
        do {
            return try RunRecord.decode(from: data)
        } catch {
            let message = "cannot read the baseline '\(baselinePath)': \(error); re-create it with "
                + "'unroll check --update \(path)'"
            throw unchecked(message, path: path, stderr: err)
        }
    }

    /// A notebook that could not be checked for `message` (exit 1).
    func unchecked(_ message: String, path: String, stderr err: String) -> Unchecked {
        Unchecked(outcome: Outcome(status: .cellFailed, stdout: "", stderr: err + "error: \(message)\n",
                                   check: NotebookCheck(path: path, cells: [], error: message)))
    }

    /// The front matter's `check:` tolerances.
    func notebookSettings(of prepared: PreparedNotebook) -> CheckSettings {
        let tolerances = prepared.notebook.frontMatter.check
        return CheckSettings(relativeTolerance: tolerances.rtol, absoluteTolerance: tolerances.atol)
    }

    /// The outcome of a comparison: what differs in provenance (unless everything matched), the findings, the
    /// environments beside a mismatch, and a closing line (`ok (…)` from `passed` on success).
    func outcome(of compared: ComparisonReport, baseline: RunRecord, actual: RunRecord, baselinePath: String,
                 seconds: [String: Double], stderr err: String, passed: (NotebookCheck) -> String) -> Outcome {
        let path = actual.notebookPath
        let status: ExitStatus = compared.hasFailure ? .cellFailed : compared.hasRegression ? .regression : .success
        // Before the values: why they may have moved (what differs in how the baseline and this run were made).
        let provenance = ProvenanceDifference.lines(baseline: baseline, actual: actual)
        var out = status == .success ? "" : provenance.map { "\(path): \($0)\n" }.joined()
        out += compared.findings.map { $0.description + "\n" }.joined()
        // The environments are never compared; beside a mismatch they tell where each side was computed.
        let environment = status == .success ? nil : compared.environmentNote
        if let environment { out += "\(path): \(environment)\n" }
        var check = NotebookCheck(path: path, cells: compared.cells, environment: environment)
        check.provenance = provenance
        for i in check.cells.indices { check.cells[i].seconds = seconds[check.cells[i].cellID] }
        switch status {
        case .success: out += "\(path): \(passed(check))\n"
        case .regression: out += "\(path): regression in \(count(check.failedCount, "cell")) (baseline \(baselinePath))\n"
        default: out += "\(path): a cell failed\n"
        }
        return Outcome(status: status, stdout: out, stderr: err, check: check)
    }

    /// The notebook at `path`'s report name, baseline folder and baseline file.
    func baselineLocation(of path: String) -> (name: String, directory: String, file: String) {
        let name = NotebookDiscovery.reportName(of: path)
        let directory = baselineFolder(of: path)
        return (name, directory, (directory.hasSuffix("/") ? directory : directory + "/") + name + ".json")
    }

    /// With `--update`: writes the run record as the new baseline and reports the cells by their status; `detail`
    /// goes at the end of the `baseline written to …` line.
    func write(_ result: NotebookRunResult, name: String, to baselinePath: String, in directory: String,
               path: String, stderr: String, detail: String = "") -> Outcome {
        let cells = verdictsByStatus(of: result.record)
        do {
            var record = result.record
            record.totalSeconds = nil
            for i in record.cells.indices { record.cells[i].seconds = nil }
            try ReportWriter(directory: directory).write(result.document, record: record, name: name, formats: [.json],
                                                         inputs: OutputConflicts.inputs(of: path, record: record))
        } catch let failure as FileSetError {
            // The writer's messages name the baseline's path already.
            return Outcome(status: failure.isRefusal ? .usage : .cellFailed, stdout: "", stderr: stderr + "error: \(failure)\n",
                           check: NotebookCheck(path: path, cells: cells, error: failure.description))
        } catch {
            let message = "cannot write the baseline '\(baselinePath)': \(error)"
            return Outcome(status: .cellFailed, stdout: "", stderr: stderr + "error: \(message)\n",
                           check: NotebookCheck(path: path, cells: cells, error: message))
        }
        let out = "\(path): baseline written to \(baselinePath)\(detail)\n"
        return Outcome(status: result.status, stdout: out, stderr: stderr, check: NotebookCheck(path: path, cells: cells))
    }

    /// One verdict per cell of `record` from its status alone (passed, failed, skipped, not run), with no findings.
    func verdictsByStatus(of record: RunRecord) -> [CellVerdict] {
        record.cells.map { cell -> CellVerdict in
            let outcome: CellVerdict.Outcome
            switch cell.status {
            case .passed: outcome = .passed
            case .failed: outcome = .failed
            case .skipped: outcome = .skipped
            case .notRun: outcome = .notRun
            }
            return CellVerdict(cellID: cell.id, line: cell.sourceLine, outcome: outcome, findings: [])
        }
    }

    /// The folder of the notebook at `path`'s baseline: `baselineDirectory`, or `baselines/` beside the notebook.
    public func baselineFolder(of path: String) -> String {
        if let baselineDirectory { return baselineDirectory }
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "baselines" : (folder as NSString).appendingPathComponent("baselines")
    }

    func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
