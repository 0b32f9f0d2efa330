import UnrollDiagnostics
import UnrollLanguage
import UnrollRecord
import UnrollTraining

extension Interpreter {
    /// `show VALUE`: a number as a scalar, a table as a table, a heat map (or a list of them) as heat maps, a
    /// history or series as curves, metrics as a one-row table, anything else as text.
    func show(_ value: Value, of expression: Expr) throws {
        if case .list(let items) = value, !items.isEmpty, items.allSatisfy({ if case .heatmap = $0 { return true }; return false }) {
            // Heat maps side by side (the gates of `gates(…)`): each its own output, in order.
            for item in items { try show(item, of: expression) }
            return
        }
        let label = expression.description
        switch value {
        case .int, .float:
            outputs.append(.scalar(names.next(.value), value.number!, label: label))
        case .table(let table):
            outputs.append(.table(names.next(.table), table))
        case .heatmap(let heatmap):
            outputs.append(.heatmap(names.next(.heatmap), heatmap))
        case .graph(let graph):
            outputs.append(.graph(names.next(.graph), graph))
        case .metrics(let m):
            let named = m.metrics.named
            let table = TableOutput(title: label, columns: named.map(\.name), rows: [named.map { .number($0.value) }])
            outputs.append(.table(names.next(.metrics), table))
        case .tensor(let t):
            outputs.append(.table(names.next(.tensor), Self.tensorTable(t, title: label)))
        case .tensors(let t):
            outputs.append(.table(names.next(.tensor), Self.tensorsTable(t, title: label)))
        case .history, .series:
            outputs.append(.series(names.next(.curves), try figure(of: PlotSpec(title: label), items: [PlotItem(value, of: expression)])))
        default:
            outputs.append(.text(names.next(.text), value.text))
        }
    }

    /// `expect CONDITION`: records the outcome as the scalar 1 (passed) or 0 (failed) with the values compared
    /// (`Expectation`), and fails the cell showing both sides of a comparison: `expected loss < 3, got 3.5 < 3`.
    func expect(_ condition: Expr, text: String) throws {
        let expectation: Expectation
        if let (left, op, right) = condition.comparison {
            let l = try evaluate(left), r = try evaluate(right)
            guard case .bool(let b) = try apply(op, l, r, at: condition) else {
                preconditionFailure("interpreter: a comparison gave no bool")
            }
            expectation = Expectation(passed: b, left: l.literal, comparison: op.rawValue, right: r.literal)
        } else {
            let passed = try evaluateBool(condition, for: "expect")
            expectation = Expectation(passed: passed, left: passed ? "true" : "false")
        }
        outputs.append(.scalar(names.next("expect"), expectation.passed ? 1 : 0, label: text, expectation: expectation))
        guard expectation.passed else {
            let got = [expectation.left, expectation.comparison, expectation.right].compactMap { $0 }.joined(separator: " ")
            throw RuntimeError("expected \(text), got \(got)", at: condition.range)
        }
    }
}
