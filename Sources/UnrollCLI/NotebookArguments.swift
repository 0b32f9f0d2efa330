import ArgumentParser
import Foundation
import UnrollRunner

/// The arguments `run`, `lint` and `check` share: which notebooks, and parameter overrides.
struct NotebookArguments: ParsableArguments {
    @Argument(help: "Notebook files or folders (a folder means its *.md files).")
    var paths: [String] = ["notebooks"]

    @Option(name: .customShort("p"), help: ArgumentHelp("Override a front-matter param.", valueName: "name=value"))
    var params: [String] = []

    /// The notebook files the paths name; a missing path prints its error and exits with the usage status (64).
    func notebookFiles() throws -> [String] {
        do {
            return try NotebookDiscovery.notebooks(in: paths)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }
}
