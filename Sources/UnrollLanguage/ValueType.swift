/// The static types of the language: a small lattice with `unknown` on top so that one error does not
/// cascade into many.
public indirect enum ValueType: Hashable, Sendable, CustomStringConvertible {
    /// Not known statically (after an error, or from a value only known at run time); fits anywhere.
    case unknown
    /// No value: the result of a call made for its effect.
    case nothing
    /// `true` or `false`.
    case bool
    /// A whole number.
    case int
    /// A floating-point number.
    case float
    /// A number that may be an `int` or a `float`.
    case number
    /// Text.
    case string
    /// An inclusive range of integers, `4...10`.
    case range
    /// A list whose elements have the given type.
    case list(ValueType)
    /// A fixed number of values of possibly different types, as `split` returns.
    case tuple([ValueType])
    /// A record literal's fields, in source order.
    case record([RecordFieldType])
    /// A tokenised text for language modelling.
    case corpus
    /// The token vocabulary of a corpus or dataset.
    case vocabulary
    /// A collection of examples.
    case dataset(DatasetFacts)
    /// A recurrent layer specification (`RNN`, `LSTM`, `GRU`); nil kind means any of them.
    case recurrent(RecurrentKind?)
    /// A model.
    case model(ModelFacts)
    /// An optimizer specification.
    case optimizer
    /// A learning-rate schedule specification.
    case schedule
    /// A model's training history.
    case history
    /// Per-epoch metrics of one data split (`history.train`, `history.valid`).
    case curves
    /// A sequence of numbers, one per epoch.
    case series
    /// Loss, accuracy and perplexity of a model on some data.
    case metrics
    /// A table of rows and named columns.
    case table
    /// A matrix of weights with labelled rows and columns (an attention table).
    case heatmap
    /// A float32 array of any shape (`load_tensors(...)["x"]`, `predict` on a tensor).
    case tensor
    /// Tensors by name, as a safetensors file or a model's `state_dict` holds them.
    case tensors
    /// Any of several types (parameter types only).
    case oneOf([ValueType])

    /// A dataset of `kind` with nothing else known.
    public static func dataset(_ kind: DatasetKind) -> ValueType { .dataset(DatasetFacts(kind: kind)) }

    /// A model of `kind` with nothing else known.
    public static func model(_ kind: ModelKind) -> ValueType { .model(ModelFacts(kind: kind)) }

    /// Any model.
    public static let anyModel = ValueType.model(ModelFacts())

    /// Any dataset.
    public static let anyDataset = ValueType.dataset(DatasetFacts())

    /// Whether a value of this type can be passed where `target` is expected (ints widen to floats; facts
    /// such as a model's kind are checked separately).
    public func isAssignable(to target: ValueType) -> Bool {
        switch (self, target) {
        case (.unknown, _), (_, .unknown): return true
        case (.oneOf(let options), _): return options.allSatisfy { $0.isAssignable(to: target) }
        case (_, .oneOf(let options)): return options.contains { isAssignable(to: $0) }
        case (.int, .float), (.int, .number), (.float, .number), (.number, .int), (.number, .float): return true
        case (.list(let a), .list(let b)): return a.isAssignable(to: b)
        case (.tuple(let a), .tuple(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isAssignable(to: $1) }
        case (.dataset, .dataset), (.model, .model), (.record, .record): return true
        case (.recurrent(let a), .recurrent(let b)): return b == nil || a == nil || a == b
        default: return self == target
        }
    }

    /// The least type covering both (`int` and `float` give `number`; unrelated types give `unknown`).
    public func joined(with other: ValueType) -> ValueType {
        if self == other { return self }
        switch (self, other) {
        case (.int, .float), (.float, .int), (.number, .int), (.number, .float), (.int, .number), (.float, .number):
            return .number
        case (.list(let a), .list(let b)): return .list(a.joined(with: b))
        case (.tuple(let a), .tuple(let b)) where a.count == b.count:
            return .tuple(zip(a, b).map { $0.joined(with: $1) })
        case (.dataset(let a), .dataset(let b)): return .dataset(a.joined(with: b))
        case (.model(let a), .model(let b)): return .model(a.joined(with: b))
        case (.recurrent, .recurrent): return .recurrent(nil)
        default: return .unknown
        }
    }

    /// Whether it is a number (`int`, `float` or `number`).
    public var isNumeric: Bool { self == .int || self == .float || self == .number }

    /// The name members are looked up under in the builtin catalog (`Corpus`, `list`), if it has members.
    public var receiverName: String? {
        switch self {
        case .string: return "string"
        case .range: return "range"
        case .list: return "list"
        case .tuple: return "tuple"
        case .corpus: return "Corpus"
        case .vocabulary: return "Vocabulary"
        case .dataset: return "Dataset"
        case .model: return "Model"
        case .history: return "History"
        case .curves: return "Curves"
        case .series: return "Series"
        case .metrics: return "Metrics"
        case .table: return "Table"
        case .heatmap: return "Heatmap"
        case .tensor: return "Tensor"
        case .tensors: return "Tensors"
        default: return nil
        }
    }

    /// The description with an article, for messages that say what something is: `an int`, `a Corpus`.
    public var withArticle: String {
        switch self {
        case .unknown, .nothing, .oneOf: return description
        case .tuple: return "a tuple \(description)"
        default:
            let text = description
            return ("aeiouAEIOU".contains(text.first!) ? "an " : "a ") + text
        }
    }

    /// How messages and the reference name the type: `int`, `list of float`, `(Corpus, Corpus)`.
    public var description: String {
        switch self {
        case .unknown: return "unknown"
        case .nothing: return "nothing"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .number: return "number"
        case .string, .range: return receiverName!
        case .list(.unknown): return "list"
        case .list(let element): return "list of \(element)"
        case .tuple(let items): return "(" + items.map(\.description).joined(separator: ", ") + ")"
        case .record: return "record"
        case .dataset(let facts): return facts.kind.map { "Dataset of \($0.description)" } ?? "Dataset"
        case .recurrent(let kind): return kind?.rawValue ?? "recurrent layer"
        case .model(let facts): return facts.kind?.rawValue ?? "Model"
        case .optimizer: return "Optimizer"
        case .schedule: return "Schedule"
        case .oneOf(let options):
            let names = options.map(\.description)
            if names.count <= 2 { return names.joined(separator: " or ") }
            return names.dropLast().joined(separator: ", ") + " or " + names.last!
        case .corpus, .vocabulary, .history, .curves, .series, .metrics, .table, .heatmap, .tensor, .tensors:
            // The library's own types read as the name their members are declared under.
            return receiverName!
        }
    }
}

/// The name and type of one field of a record type.
public struct RecordFieldType: Hashable, Sendable {
    /// The field's name.
    public var name: String
    /// The field's type.
    public var type: ValueType

    /// A field type from its parts.
    public init(name: String, type: ValueType) {
        self.name = name
        self.type = type
    }
}
