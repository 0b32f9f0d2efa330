import UnrollTensor

/// The kernel thread setting for notebook runs (`run`, `check`).
enum NotebookThreads {
    /// Runs the kernels on one thread. The two-thread team gives the last bits of some sums in a different
    /// order depending on how work was split, and it backs off to one thread under contention, so results could
    /// change from run to run; reports and baselines must be byte-identical. Parallelism for notebooks comes from
    /// `--jobs` instead; `unroll bench` keeps the team.
    static func configureForReproducibleRuns() {
        Kernels.setThreads(1)
    }
}
