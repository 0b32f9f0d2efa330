import UnrollDiagnostics

extension Interpreter {
    /// The `path` argument as given and as resolved inside the notebook's folder or an allowed root; a path
    /// outside them is an error at the argument.
    func sandboxedPath(_ arguments: Arguments) throws -> (shown: String, actual: String) {
        let shown = try arguments.string("path")
        guard let actual = sandbox.resolve(shown) else {
            throw RuntimeError(FileMessage.outsideFolder(path: shown, rootsAllowed: !settings.allowedRoots.isEmpty),
                               at: arguments.place("path"))
        }
        return (shown, actual)
    }
}
