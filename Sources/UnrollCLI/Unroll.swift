import ArgumentParser
import Foundation
import UnrollRunner

/// The `unroll` command: runs, checks, lints and benchmarks recurrent-network notebooks.
@main
struct Unroll: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unroll",
        abstract: "A literate notebook runner for recurrent neural network experiments.",
        version: UnrollVersion.string,
        subcommands: [RunCommand.self, CheckCommand.self, DiffCommand.self, LintCommand.self, BenchCommand.self]
    )

    /// `unroll` alone names no command: the help goes to standard error and the exit status is 64 (usage).
    func run() throws {
        FileHandle.standardError.write(Data((Unroll.helpMessage() + "\n").utf8))
        throw ExitCode(ExitStatus.usage.rawValue)
    }
}
