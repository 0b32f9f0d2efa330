import UnrollDiagnostics
import UnrollLanguage
import UnrollRecord
import UnrollTraining

extension Interpreter {
    /// `show VALUE`: a number as a scalar, a table as a table, a history or series as curves, metrics as a
    /// one-row table, anything else as text.
    func show(_ value: Value, of expression: Expr) throws {
        let name = names.next("show")
        let label = expression.description
        switch value {
        case .int, .float:
            outputs.append(.scalar(name, value.number!, label: label))
        case .table(let table):
            outputs.append(.table(name, table))
        case .heatmap(let heatmap):
            outputs.append(.heatmap(name, heatmap))
        case .metrics(let m):
            let named = m.metrics.named
            let table = TableOutput(title: label, columns: named.map(\.name), rows: [named.map { .number($0.value) }])
            outputs.append(.table(name, table))
        case .tensor(let t):
            outputs.append(.table(name, Self.tensorTable(t, title: label)))
        case .tensors(let t):
            outputs.append(.table(name, Self.tensorsTable(t, title: label)))
        case .history, .series:
            outputs.append(.series(name, try figure(of: PlotSpec(title: label), items: [PlotItem(value, of: expression)])))
        default:
            outputs.append(.text(name, value.text))
        }
    }

    /// `expect CONDITION`: records a passed check as the scalar 1, or fails the cell showing both sides of a
    /// comparison: `expected loss < 3, got 3.5 < 3`.
    func expect(_ condition: Expr, text: String) throws {
        let passed: Bool
        var got: String
        if let (left, op, right) = condition.comparison {
            let l = try evaluate(left), r = try evaluate(right)
            guard case .bool(let b) = try apply(op, l, r, at: condition) else {
                preconditionFailure("interpreter: a comparison gave no bool")
            }
            passed = b
            got = "\(l.literal) \(op.rawValue) \(r.literal)"
        } else {
            passed = try evaluateBool(condition, for: "expect")
            got = passed ? "true" : "false"
        }
        guard passed else { throw RuntimeError("expected \(text), got \(got)", at: condition.range) }
        outputs.append(.scalar(names.next("expect"), 1, label: text))
    }
}
