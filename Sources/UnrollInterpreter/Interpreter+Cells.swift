import UnrollDiagnostics
import UnrollLanguage
import UnrollNN
import UnrollRecord

/// A cell the notebook declared: its checked plan and its constructor's signature.
struct DeclaredCell {
    /// The checked declaration.
    let plan: CellPlan
    /// `Name(hidden:, …, layers:, bidirectional:, dropout:)`.
    let signature: Signature
}

extension Interpreter {
    /// Runs `cell Name(…) { … }`: checks the declaration again for its plan and makes `Name` a constructor.
    func declareCell(_ declaration: CellDeclaration) throws {
        let name = declaration.name
        let at = SourceRange(start: name.location, length: name.text.count)
        if library.function(named: name.text) != nil || builtins.namespaces.contains(name.text) || name.text == "params" {
            throw RuntimeError(CellMessage.nameTaken(name: name.text), at: at)
        }
        let (plan, diagnostics) = CellChecker.check(declaration)
        guard let plan else {
            throw RuntimeError(diagnostic: diagnostics.first { $0.severity == .error }!)
        }
        cells[name.text] = DeclaredCell(plan: plan, signature: CellSignature.make(name: name.text, sizes: plan.sizes))
    }

    /// `Name(hidden: 32, layers: 2, bidirectional: true)` of a declared cell: a recurrent spec whose programs are
    /// the plan lowered for each layer's input width.
    func callCell(_ cell: DeclaredCell, _ given: [(label: Identifier?, value: Expr)], site: SourceRange) throws -> Value {
        let arguments = try bind(cell.signature, given, noun: "argument", owner: cell.plan.name, site: site)
        var sizes: [String: Int] = [:]
        for size in cell.plan.sizes { sizes[size] = try arguments.int(size) }
        let plan = cell.plan, fixed = sizes
        let key = plan.source + "\n" + sizes.keys.sorted().map { "\($0)=\(sizes[$0]!)" }.joined(separator: ",")
        let template = CellProgramTemplate(name: plan.name, key: key) { inputWidth, hidden in
            var all = fixed
            all["input"] = inputWidth
            all["hidden"] = hidden
            return try plan.program(sizes: all)
        }
        let spec = RecurrentSpec(cell: template, hidden: sizes["hidden"]!, layers: try arguments.int("layers"),
                                 bidirectional: try arguments.bool("bidirectional"),
                                 dropout: Float(try arguments.double("dropout")))
        cellPlans[key] = plan
        return .recurrent(spec)
    }

    /// Builds every program a declared cell's layer will run over `inputSize` features, so that a width the sizes
    /// make impossible is an error at the cell's expression (or at `place`) rather than when the layer is made;
    /// then records what the report shows where the model is built: the cell's source and its parameters.
    func prepareCell(_ spec: RecurrentSpec, inputSize: Int, prefix: String, owner: String, at place: SourceRange) throws {
        guard let template = spec.cell else { return }
        do {
            try spec.validateCell(inputSize: inputSize)
        } catch let error as RuntimeError {
            throw error
        } catch {
            throw RuntimeError("cell '\(template.name)' cannot run over \(inputSize) input features: \(error)", at: place)
        }
        guard let plan = cellPlans[template.key] else { return }
        outputs.append(.text(names.next("cell"), plan.source))
        var rows: [[TableCell]] = [], headers: [String] = []
        let directions = spec.bidirectional ? 2 : 1
        for layer in 0..<spec.layers {
            let program = try template.program(inputWidth: layer == 0 ? inputSize : directions * spec.hidden, hidden: spec.hidden)
            for direction in 0..<directions {
                for parameter in program.parameters {
                    headers.append(prefix + parameter.name + "_l\(layer)" + (direction == 1 ? "_reverse" : ""))
                    let count = parameter.shape.reduce(1, *)
                    rows.append([.text(parameter.shape.map(String.init).joined(separator: " × ")), .number(Double(count))])
                }
            }
        }
        let total = rows.reduce(0.0) { if case .number(let n) = $1[1] { return $0 + n } else { return $0 } }
        headers.append("total")
        rows.append([.text(""), .number(total)])
        outputs.append(.table(names.next("parameters"), TableOutput(
            title: "\(template.name) in \(owner): parameters", columns: ["shape", "count"], rowHeaders: headers, rows: rows)))
    }
}
