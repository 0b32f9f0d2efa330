import UnrollLanguage

extension Value {
    /// The value as `print` and `str` show it: strings as they are, everything else as `literal`.
    var text: String {
        if case .string(let s) = self { return s }
        return literal
    }

    /// The value as the language would write it, strings quoted (`[1, "a"]`), or a short description for
    /// data, models and training records (`Corpus(1200 tokens, vocab: 67)`).
    var literal: String {
        switch self {
        case .int(let i): return String(i)
        case .float(let x): return NumberText.format(x)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return ConstantValue.quote(s)
        case .list(let items): return "[" + items.map(\.literal).joined(separator: ", ") + "]"
        case .tuple(let items): return "(" + items.map(\.literal).joined(separator: ", ") + ")"
        case .range(let lo, let hi): return "\(lo)...\(hi)"
        case .record(let fields):
            if fields.isEmpty { return "{}" }
            return "{ " + fields.map { "\($0.name): \($0.value.literal)" }.joined(separator: ", ") + " }"
        case .corpus(let c): return "Corpus(\(c.count) tokens, vocab: \(c.vocabulary.count))"
        case .vocabulary(let codec): return "Vocabulary(\(codec.vocabulary.count) entries)"
        case .dataset(let d): return "Dataset of \(d.kind.description)(\(d.count) examples, from \(d.origin))"
        case .recurrent(let spec): return spec.summary
        case .model(let m): return m.summary
        case .optimizer(let o): return o.summary
        case .schedule(let s): return s.summary
        case .history(let h): return "History(\(h.history.epochs) epoch\(h.history.epochs == 1 ? "" : "s"))"
        case .curves(let c): return "Curves(\(c.split), \(c.rows.count) epoch\(c.rows.count == 1 ? "" : "s"))"
        case .series(let s): return "[" + s.values.map { NumberText.format($0) }.joined(separator: ", ") + "]"
        case .metrics(let m):
            return "Metrics(" + m.metrics.named.map { "\($0.name): \(NumberText.format($0.value))" }
                .joined(separator: ", ") + ")"
        case .table(let t): return "Table(\(t.rows.count) row\(t.rows.count == 1 ? "" : "s"), columns: "
            + t.columns.map(ConstantValue.quote).joined(separator: ", ") + ")"
        case .heatmap(let h): return "Heatmap(\(h.rowLabels.count)×\(h.columnLabels.count), \(ConstantValue.quote(h.title)))"
        case .tensor(let t): return "Tensor(shape: \(t.shape))"
        case .tensors(let t): return t.summary
        }
    }
}
