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

    /// Runs the command line, refusing first a `help` for a subcommand that does not exist (the parser's own
    /// `help` would print the top-level help and succeed).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = HelpRequest.unknownSubcommand(in: arguments, of: Unroll.self) {
            FileHandle.standardError.write(Data("\(problem)\nUsage: \(Unroll.usageString())\n".utf8))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        main(arguments)
    }

    /// `unroll` alone names no command: the help goes to standard error and the exit status is 64 (usage).
    func run() throws {
        FileHandle.standardError.write(Data((Unroll.helpMessage() + "\n").utf8))
        throw ExitCode(ExitStatus.usage.rawValue)
    }
}
