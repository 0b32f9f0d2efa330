import ArgumentParser
import Foundation
import UnrollRunner

/// `unroll lint`: parses and checks notebooks without running them.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Parse and statically check notebooks without running them.",
        discussion: """
        Reports syntax errors, unknown names (with suggestions), wrong arguments and the shape errors that \
        can be known before running, as path:line:col: error: message with the source line and a caret.

        Exit status: 0 no errors, 64 bad usage, 65 a notebook has errors.
        """)

    @OptionGroup var notebooks: NotebookArguments

    func run() throws {
        try KernelSetup.configure(jobs: 1)  // nothing is computed, but a bad UNROLL_KERNELS is still an error
        let paths = try notebooks.notebookFiles()
        let status = NotebookBatch.lint(paths, overrides: notebooks.params)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
