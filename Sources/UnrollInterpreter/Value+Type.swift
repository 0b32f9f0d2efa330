import UnrollLanguage

extension Value {
    /// The language type of the value, for messages and argument checks.
    var type: ValueType {
        switch self {
        case .int: return .int
        case .float: return .float
        case .bool: return .bool
        case .string: return .string
        case .list(let items):
            guard let first = items.first?.type else { return .list(.unknown) }
            return .list(items.dropFirst().reduce(first) { $0.joined(with: $1.type) })
        case .tuple(let items): return .tuple(items.map(\.type))
        case .range: return .range
        case .record(let fields): return .record(fields.map { RecordFieldType(name: $0.name, type: $0.value.type) })
        case .corpus: return .corpus
        case .vocabulary: return .vocabulary
        case .dataset(let d): return .dataset(d.facts)
        case .recurrent(let spec): return .recurrent(spec.languageKind)
        case .model(let m): return .model(ModelFacts(kind: m.kind, inputs: m.inputs, outputs: m.outputs))
        case .optimizer: return .optimizer
        case .schedule: return .schedule
        case .history: return .history
        case .curves: return .curves
        case .series: return .series
        case .metrics: return .metrics
        case .table: return .table
        case .heatmap: return .heatmap
        case .tensor: return .tensor
        case .tensors: return .tensors
        }
    }

    /// Whether the value can be passed where the catalog expects `target` (ints widen to floats).
    func fits(_ target: ValueType) -> Bool {
        switch (self, target) {
        case (_, .unknown): return true
        case (_, .oneOf(let options)): return options.contains { fits($0) }
        case (.int, .int), (.int, .float), (.int, .number), (.float, .float), (.float, .number): return true
        case (.bool, .bool), (.string, .string), (.range, .range), (.tuple, .tuple), (.record, .record): return true
        case (.list(let items), .list(let element)): return items.allSatisfy { $0.fits(element) }
        case (.corpus, .corpus), (.vocabulary, .vocabulary), (.optimizer, .optimizer), (.schedule, .schedule), (.history, .history),
             (.curves, .curves), (.series, .series), (.metrics, .metrics), (.table, .table), (.heatmap, .heatmap),
             (.tensor, .tensor), (.tensors, .tensors):
            return true
        case (.dataset(let d), .dataset(let facts)): return facts.kind == nil || facts.kind == d.kind
        case (.recurrent(let spec), .recurrent(let kind)): return kind == nil || kind == spec.languageKind
        case (.model(let m), .model(let facts)): return facts.kind == nil || facts.kind == m.kind
        default: return false
        }
    }
}
