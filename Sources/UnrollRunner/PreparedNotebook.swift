import Foundation
import UnrollDiagnostics
import UnrollInterpreter
import UnrollLanguage
import UnrollNotebook

/// A notebook that was read, parsed and checked, ready to run: everything `lint` does and `run` needs.
public struct PreparedNotebook {
    /// The path as given.
    public var path: String
    /// The whole `.md` text.
    public var source: String
    /// The parsed notebook.
    public var notebook: Notebook
    /// The params after `-p` overrides, in front-matter order.
    public var params: [Param]
    /// The parsed program of each rnn cell, by cell index; nil for cells with `eval=false`, which are
    /// neither checked nor run.
    public var programs: [Program?]
    /// Warnings from parsing and checking (errors stop preparation).
    public var warnings: [Diagnostic]

    /// The outcome of preparing a notebook.
    public enum Failure: Error {
        /// The notebook does not parse or check: exit 65.
        case invalid(path: String, source: String, diagnostics: [Diagnostic])
        /// The command line is at fault (unreadable file, bad `-p`): exit 64.
        case usage(UsageError)
    }

    /// The line and column (in Unicode scalars, 1-based) of the first byte of `bytes` that is not valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1, column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if Unicode.UTF8.decode(encoded) == "\n" { line += 1; column = 1 } else { column += 1 }
            case .error:
                return (line, column)
            case .emptyInput:
                return (line, column)
            }
        }
    }

    /// Reads, parses and checks the notebook at `path`, applying `overrides` (`name=value`) to its params.
    public static func prepare(path: String, overrides: [String]) -> Result<PreparedNotebook, Failure> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.usage(UsageError("cannot read '\(path)'")))
        }
        guard let source = String(data: data, encoding: .utf8) else {
            // Point at the first byte that is not UTF-8; the excerpt shows the line as far as it decodes.
            let (line, column) = firstInvalidUTF8(Array(data))
            let shown = String(decoding: data, as: UTF8.self)
            return .failure(.invalid(path: path, source: shown, diagnostics: [
                Diagnostic(.error, "the notebook is not valid utf-8 text here; save it with utf-8 encoding",
                           at: SourceLocation(file: path, line: line, column: column)),
            ]))
        }
        let notebook: Notebook
        do {
            notebook = try NotebookParser.parse(path: path, source: source)
        } catch let list as DiagnosticList {
            return .failure(.invalid(path: path, source: source, diagnostics: list.diagnostics))
        } catch {
            return .failure(.invalid(path: path, source: source, diagnostics: [
                Diagnostic(.error, "cannot parse notebook: \(error)", at: SourceLocation(file: path, line: 1, column: 1)),
            ]))
        }
        let params: [Param]
        do {
            params = try ParamOverrides.apply(overrides, to: notebook.frontMatter.params)
        } catch {
            return .failure(.usage(UsageError("\(path): \(error)")))
        }
        var constants: [String: ConstantValue] = [:]
        for p in params { constants[p.name] = ConstantValue(p.value) }
        let evaluated = notebook.cells.filter(\.options.eval)
        let cells = evaluated.map { CellSource(source: $0.source, firstLine: $0.sourceLine) }
        let analysis = Analysis(cells: cells, file: path, params: constants, builtins: BuiltinLibrary.standard.catalog)
        if analysis.hasErrors {
            return .failure(.invalid(path: path, source: source, diagnostics: notebook.warnings + analysis.diagnostics))
        }
        var programs = [Program?](repeating: nil, count: notebook.cells.count)
        for (cell, program) in zip(evaluated, analysis.programs) { programs[cell.index] = program }
        return .success(PreparedNotebook(path: path, source: source, notebook: notebook, params: params,
                                         programs: programs,
                                         warnings: notebook.warnings + analysis.diagnostics))
    }
}
