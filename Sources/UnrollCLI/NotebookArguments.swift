import ArgumentParser

/// The arguments `run`, `lint` and `check` share: which notebooks, and parameter overrides.
struct NotebookArguments: ParsableArguments {
    @Argument(help: "Notebook files or folders (a folder means its *.md files).")
    var paths: [String] = ["notebooks"]

    @Option(name: .customShort("p"), help: ArgumentHelp("Override a front-matter param.", valueName: "name=value"))
    var params: [String] = []
}
