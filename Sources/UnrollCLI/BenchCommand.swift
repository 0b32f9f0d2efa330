import ArgumentParser

/// `unroll bench`: placeholder until the workload lands (next commit).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench")
}
