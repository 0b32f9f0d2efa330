import ArgumentParser
import Foundation
import UnrollRunner
import UnrollTensor

/// The kernel settings a command applies at start-up: `UNROLL_KERNELS`, `UNROLL_THREADS`, and how the cores are
/// shared between notebooks run at once and the kernel threads of each.
enum KernelSetup {
    /// The text for `--help`: what the two environment variables do for `run` and `check`.
    static let helpText = """
        Environment: UNROLL_KERNELS=avx512|avx2|portable forces the kernel path (default: the fastest one this \
        CPU runs); UNROLL_THREADS=N sets the kernel threads of each notebook (default: the cores divided by \
        --jobs, at least 1; --jobs defaults to one per core). Neither changes a result: the run record's environment object records both, and \
        it is the only part of any written file that may differ between machines.
        """

    /// The number of notebooks to run at once: `requested` when given, else one per core, at most `notebooks`.
    static func jobs(requested: Int?, notebooks: Int) -> Int {
        requested ?? max(1, min(ProcessInfo.processInfo.activeProcessorCount, notebooks))
    }

    /// For `run`, `check` and `lint`: applies `UNROLL_KERNELS` and `UNROLL_THREADS`; unless `UNROLL_THREADS` is
    /// set, each of the `jobs` notebooks that run at once gets max(1, cores / jobs) kernel threads, where the
    /// cores are the kernels' default thread count. A bad value prints its error and exits with status 64.
    static func configure(jobs: Int, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let cores = Kernels.threads
        try apply(environment)
        if !isSet("UNROLL_THREADS", in: environment) { Kernels.setThreads(max(1, cores / max(1, jobs))) }
    }

    /// For `bench`: applies `UNROLL_KERNELS`; the thread count is `threads` when given, else `UNROLL_THREADS`,
    /// else 2. A bad value prints its error and exits with status 64.
    static func configure(benchThreads threads: Int?,
                          environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try apply(environment)
        if let threads {
            Kernels.setThreads(threads)
        } else if !isSet("UNROLL_THREADS", in: environment) {
            Kernels.setThreads(2)
        }
    }

    private static func apply(_ environment: [String: String]) throws {
        do {
            try Kernels.configure(from: environment)
        } catch let error as Kernels.ConfigurationError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }

    private static func isSet(_ name: String, in environment: [String: String]) -> Bool {
        !(environment[name] ?? "").isEmpty
    }
}
