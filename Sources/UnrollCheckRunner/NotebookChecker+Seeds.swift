import UnrollCheck
import UnrollRecord
import UnrollRunner

extension NotebookChecker {
    /// `check --seeds K`: runs the notebook K times, run `i` with every seed replaced by
    /// `SeedDerivation.seed(seed, run: i)` (run 0 is the notebook as written), gathers each scalar and each series
    /// line's final point over the runs, and compares them with the baseline's seed statistics
    /// (`SeedComparison`), or with `update` writes run 0's record with the statistics as the baseline. A cell
    /// that fails with any seed fails the check (exit 1).
    func checkSeeds(_ prepared: PreparedNotebook, count k: Int, stderr warnings: String) -> Outcome {
        let path = prepared.path
        var err = warnings
        var runs: [NotebookRunResult] = []
        var secondsByID: [String: Double] = [:]
        for run in 0..<k {
            // Cell times (summed over the runs) are for the JUnit report only; baselines are written without them.
            var runSettings = settings
            runSettings.seedRun = run
            runSettings.timings = true
            let result = NotebookRunner.run(prepared, settings: runSettings)
            for cell in result.record.cells { if let s = cell.seconds { secondsByID[cell.id, default: 0] += s } }
            guard result.status == .success else {
                let which = "with seed \(result.record.seed) (run \(run + 1) of \(k))"
                for e in result.errors { err += e + "\n" }
                var check = NotebookCheck(path: path, cells: verdictsByStatus(of: result.record))
                for i in check.cells.indices { check.cells[i].seconds = secondsByID[check.cells[i].cellID] }
                return Outcome(status: .cellFailed, stdout: "\(path): a cell failed \(which)\n", stderr: err, check: check)
            }
            runs.append(result)
        }
        let seeds = runs.map(\.record.seed)
        let statistics = SeedValues.statistics(of: runs.map(\.record), seeds: seeds)
        let (name, directory, baselinePath) = baselineLocation(of: path)
        if update {
            var first = runs[0]
            first.record.seedStatistics = statistics
            let listed = seeds.map(String.init).joined(separator: ", ")
            return write(first, name: name, to: baselinePath, in: directory, path: path, stderr: err,
                         detail: " with the statistics of \(count(statistics.samples.count, "value")) over \(k) seeds (\(listed))")
        }
        let baseline: RunRecord
        do throws(Unchecked) {
            baseline = try readBaseline(baselinePath, for: runs[0].record, path: path, stderr: err)
            guard baseline.seedStatistics != nil else {
                throw unchecked("the baseline '\(baselinePath)' holds one run's exact values and no seed statistics; "
                                + "record them with 'unroll check --update --seeds \(k) \(path)'", path: path, stderr: err)
            }
        } catch {
            return error.outcome
        }
        let comparison = SeedComparison(alpha: alpha, notebookSettings: notebookSettings(of: prepared))
        let compared = comparison.compare(actual: runs[0].record, statistics: statistics, baseline: baseline,
                                          baselineStatistics: baseline.seedStatistics!)
        return outcome(of: compared, baseline: baseline, actual: runs[0].record, baselinePath: baselinePath,
                       seconds: secondsByID, stderr: err) { check in
            "ok (\(count(check.passedCount, "cell")), \(count(statistics.samples.count, "value")) over \(k) seeds "
                + "consistent with \(baselinePath))"
        }
    }
}
