import CRecurrentKernels
import Foundation

/// The run-time settings of the numeric kernels: which instruction-set path runs and on how many threads.
///
/// Every path gives the same bits (the numerics contract in ARCHITECTURE.md), so these settings change speed,
/// never results. `UNROLL_KERNELS` and `UNROLL_THREADS` force them from the environment.
public enum Kernels {
    /// The instruction-set paths, fastest first.
    public static let instructionSets = ["avx512", "avx2", "portable"]

    /// The path the kernels run: "avx512", "avx2" or "portable".
    public static var instructionSet: String { String(cString: unroll_kernels_isa()) }

    /// Switches the kernels to path `name` when this CPU runs it; returns false (changing nothing) when it does not.
    @discardableResult
    public static func select(_ name: String) -> Bool {
        unroll_kernels_select_isa(name) != 0
    }

    /// Sets how many threads the kernels use (at least 1).
    public static func setThreads(_ count: Int) {
        unroll_kernels_set_threads(Int32(max(1, min(count, 16))))
    }

    /// The number of threads the kernels use; by default one per online core.
    public static var threads: Int { Int(unroll_kernels_threads()) }

    /// How many kernel jobs so far ran on more than one thread (the team runs a job on the caller alone when it
    /// is busy or backs off under load); tests use it to prove that two threads really ran.
    public static var parallelJobs: Int { Int(unroll_team_parallel_jobs()) }

    /// Whether the team drops to one thread for a while after a job whose threads mostly waited for each other (a
    /// loaded machine); on by default. Results are the same either way; tests that must see two threads turn it off.
    public static var backsOffUnderLoad: Bool {
        get { unroll_team_back_off() != 0 }
        set { unroll_team_set_back_off(newValue ? 1 : 0) }
    }

    /// Packed recurrent weights up to this many bytes are read whole by every thread, which then split the batch
    /// rows with no per-step synchronisation; larger weights are split by hidden units (default 2 MB).
    public static var recurrentRowSplitBytes: Int {
        get { unroll_kernels_row_split_bytes() }
        set { unroll_kernels_set_row_split_bytes(newValue) }
    }

    /// The CPU's model name from `/proc/cpuinfo` ("unknown" where there is none).
    public static let cpuModel: String = {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown"
    }()

    /// A bad `UNROLL_KERNELS` or `UNROLL_THREADS` value.
    public struct ConfigurationError: Error, CustomStringConvertible {
        /// What is wrong, in the form printed after `error: `.
        public let description: String
    }

    /// Applies `UNROLL_KERNELS` (avx512, avx2 or portable) and `UNROLL_THREADS` (a positive count) from
    /// `environment`; throws a `ConfigurationError` naming the variable for an unknown or unsupported value.
    public static func configure(from environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        if let name = environment["UNROLL_KERNELS"], !name.isEmpty {
            guard instructionSets.contains(name) else {
                throw ConfigurationError(description:
                    "UNROLL_KERNELS='\(name)' is not a kernel path; use avx512, avx2 or portable")
            }
            guard select(name) else {
                throw ConfigurationError(description:
                    "UNROLL_KERNELS='\(name)': this CPU does not run the \(name) kernels; use \(supportedInstructionSets.joined(separator: " or "))")
            }
        }
        if let text = environment["UNROLL_THREADS"], !text.isEmpty {
            guard let count = Int(text), count >= 1, count <= 16 else {
                throw ConfigurationError(description:
                    "UNROLL_THREADS='\(text)' is not a thread count; use a whole number from 1 to 16")
            }
            setThreads(count)
        }
    }

    /// The paths this CPU runs, fastest first.
    public static var supportedInstructionSets: [String] {
        instructionSets.filter { unroll_kernels_isa_supported($0) != 0 }
    }
}
