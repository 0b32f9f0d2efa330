import ArgumentParser

/// The `unroll` command: runs, checks, lints and benchmarks recurrent-network notebooks.
@main
struct Unroll: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unroll",
        abstract: "A literate notebook runner for recurrent neural network experiments.",
        version: UnrollVersion.string,
        subcommands: [RunCommand.self, CheckCommand.self, LintCommand.self, BenchCommand.self]
    )
}
