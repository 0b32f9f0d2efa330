/// How a run was computed: the machine's CPU, the kernel path and thread count, and the Unroll version.
///
/// It is the run record's `environment` object, the only part of any written file that may differ between
/// machines: the reports never show it and `unroll check` never compares it (it prints it beside a mismatch).
public struct RunEnvironment: Equatable, Sendable {
    /// The CPU's model name (from `/proc/cpuinfo`, or "unknown").
    public var cpu: String
    /// The kernel path that ran: "avx512", "avx2" or "portable".
    public var kernels: String
    /// The number of threads the kernels used (at least 1).
    public var threads: Int
    /// The version of Unroll that ran.
    public var unrollVersion: String

    /// An environment from its parts.
    public init(cpu: String, kernels: String, threads: Int, unrollVersion: String) {
        self.cpu = cpu
        self.kernels = kernels
        self.threads = threads
        self.unrollVersion = unrollVersion
    }

    /// One line for people: `avx512, 2 threads, Intel Xeon …` (`1 thread` in the singular).
    public var summary: String {
        "\(kernels), \(threads) thread\(threads == 1 ? "" : "s"), \(cpu)"
    }

    /// The JSON form: `{"cpu", "kernels", "threads", "unroll_version"}`.
    var json: JSONValue {
        .object([
            "cpu": .string(cpu),
            "kernels": .string(kernels),
            "threads": .integer(threads),
            "unroll_version": .string(unrollVersion),
        ])
    }

    /// Reads the JSON form; every key is required and no other is allowed.
    init(json: JSONValue, path: String) throws {
        var reader = try JSONObjectReader(json, path: path)
        cpu = try reader.string("cpu")
        kernels = try reader.string("kernels")
        threads = try reader.integer("threads")
        guard threads >= 1 else {
            throw RecordDecodingError(path: reader.path(of: "threads"),
                                      message: "expected a thread count of at least 1, found \(threads)")
        }
        unrollVersion = try reader.string("unroll_version")
        try reader.finish()
    }
}
