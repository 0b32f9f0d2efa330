import UnrollLanguage

/// What an interpreter needs to know about the notebook it runs: where its data lives, its params and seed,
/// and hooks for progress and timeouts.
public struct InterpreterSettings {
    /// The folder holding the notebook; relative data paths resolve against it.
    public var notebookDirectory: String
    /// Extra folders that data paths may point into (default none).
    public var allowedRoots: [String]
    /// The front-matter params after `-p` overrides, read as `params.NAME`.
    public var params: [String: ConstantValue]
    /// The front matter's `seed`, which seeds the notebook's random generator before the first cell.
    public var seed: UInt64
    /// Which run of a `--seeds` check this is (0: the notebook as written); every `seed N` statement seeds
    /// with `SeedDerivation.seed(N, run: seedRun)`. The caller derives `seed` the same way.
    public var seedRun = 0
    /// Whether the language's measured wall-clock times (`history.seconds`) read as what was measured
    /// (`unroll run --timings`); otherwise they read as NaN, so that every output, and every baseline, is the same
    /// on every run and machine.
    public var timings = false
    /// Told about progress: fits starting, batches and epochs finishing.
    public var events: ((InterpreterEvent) -> Void)?
    /// Called often (every statement, loop iteration, training batch and sampled token); what it throws
    /// (a timeout) stops the cell and propagates unchanged.
    public var checkpoint: (() throws -> Void)?

    /// Settings for a notebook in `notebookDirectory`; everything else is optional.
    public init(notebookDirectory: String, allowedRoots: [String] = [], params: [String: ConstantValue] = [:],
                seed: UInt64 = 0, events: ((InterpreterEvent) -> Void)? = nil,
                checkpoint: (() throws -> Void)? = nil) {
        self.notebookDirectory = notebookDirectory
        self.allowedRoots = allowedRoots
        self.params = params
        self.seed = seed
        self.events = events
        self.checkpoint = checkpoint
    }
}
