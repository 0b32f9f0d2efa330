import UnrollDiagnostics

extension Checker {
    /// Checks a cell declaration (its shapes, names and `return`) and makes its name a constructor of recurrent specs.
    func checkCell(_ declaration: CellDeclaration) {
        let name = declaration.name
        let at = SourceRange(start: name.location, length: name.text.count)
        if builtins.function(named: name.text) != nil || builtins.namespaces.contains(name.text) || name.text == "params" {
            diagnostics.append(Diagnostic(CellMessage.nameTaken(name: name.text), at: at))
        } else if let earlier = cells[name.text] {
            diagnostics.append(Diagnostic(CellMessage.cellTwice(name: name.text, line: earlier.location.line,
                                                                column: earlier.location.column), at: at))
        } else {
            cells[name.text] = (CellSignature.make(name: name.text, sizes: declaration.sizes.map(\.text)
                                                    .filter { $0 != "input" }), name.location)
        }
        diagnostics += CellChecker.check(declaration).diagnostics
    }
}
