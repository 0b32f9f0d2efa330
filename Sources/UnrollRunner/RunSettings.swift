import UnrollReport

/// How `unroll run` runs notebooks.
public struct RunSettings: Sendable {
    /// The folder reports are written to.
    public var outputDirectory = "output"
    /// `name=value` overrides of front-matter params.
    public var overrides: [String] = []
    /// The default per-cell time limit in seconds (a cell's `timeout=` option wins); nil for none.
    public var timeout: Double?
    /// Run the cells after a failed one instead of marking them skipped.
    public var keepGoing = false
    /// The report formats to write.
    public var formats: [ReportFormat] = ReportFormat.allCases
    /// Record wall-clock times in the reports (off by default, so reports are byte-identical across runs).
    public var timings = false
    /// Give the language's measured times (`history.seconds`) their values (`InterpreterSettings.timings`); off,
    /// they read as NaN. `unroll run --timings` sets it with `timings`; `check` never does (it times cells for the
    /// JUnit report only), so baselines hold no machine-dependent number.
    public var timedValues = false
    /// Extra folders notebooks may read from.
    public var allowedRoots: [String] = []
    /// Which run of a `--seeds` check this is: 0 runs the notebook as written; run `i` replaces every seed by
    /// `SeedDerivation.seed(seed, run: i)` (the front matter's, recorded as the run's seed, and each `seed N`).
    public var seedRun = 0
    /// The Unroll version recorded in run records.
    public var unrollVersion = "0.0.0"

    /// Settings with the defaults above.
    public init() {}
}
