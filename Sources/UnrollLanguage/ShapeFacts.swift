/// What kind of examples a `Dataset` holds, which decides the models that can train on it.
public enum DatasetKind: String, CaseIterable, Hashable, Sendable {
    /// Texts with one label each (`csv`), for a `Classifier`.
    case labelled
    /// Token sequences with one tag per token (`tagged`), for a `Tagger`.
    case tagged
    /// Numeric sequences with a numeric target (`task.adding`, `task.sine`, `task.mackey_glass`, `task.narma`), for a
    /// `Regressor` or an `EchoState`.
    case sequences
    /// Source sequences paired with target sequences (`tsv`, `task.copy`, `task.reverse`, `task.sort`, `task.addition`).
    case pairs

    /// How messages describe it: `labelled texts`.
    public var description: String {
        switch self {
        case .labelled: return "labelled texts"
        case .tagged: return "tagged sequences"
        case .sequences: return "numeric sequences"
        case .pairs: return "sequence pairs"
        }
    }
}

/// What the checker knows about a dataset before it is loaded.
public struct DatasetFacts: Hashable, Sendable {
    /// The kind of examples, when known.
    public var kind: DatasetKind?
    /// The number of input features per time step (numeric sequences), when known.
    public var inputs: Int?
    /// The number of target values per example (numeric sequences), when known.
    public var outputs: Int?
    /// The builtin that made it, such as `task.adding`, for messages.
    public var origin: String?

    /// Facts from their parts; everything unknown by default.
    public init(kind: DatasetKind? = nil, inputs: Int? = nil, outputs: Int? = nil, origin: String? = nil) {
        self.kind = kind
        self.inputs = inputs
        self.outputs = outputs
        self.origin = origin
    }

    /// The facts both sides agree on.
    public func joined(with other: DatasetFacts) -> DatasetFacts {
        DatasetFacts(kind: kind == other.kind ? kind : nil, inputs: inputs == other.inputs ? inputs : nil,
                     outputs: outputs == other.outputs ? outputs : nil, origin: origin == other.origin ? origin : nil)
    }
}

/// The kinds of model the language can build.
public enum ModelKind: String, CaseIterable, Hashable, Sendable {
    /// Predicts the next token of a text (`LanguageModel`).
    case languageModel = "LanguageModel"
    /// Gives one label per text (`Classifier`).
    case classifier = "Classifier"
    /// Gives one tag per token (`Tagger`).
    case tagger = "Tagger"
    /// Maps a numeric sequence to numbers (`Regressor`).
    case regressor = "Regressor"
    /// Reads one sequence and writes another (`Seq2Seq`).
    case seq2seq = "Seq2Seq"
    /// A fixed random reservoir with a readout solved in closed form (`EchoState`).
    case echoState = "EchoState"

    /// Whether data of type `data` can train or evaluate this kind of model; nil when the type is not
    /// known well enough to tell.
    public func accepts(_ data: ValueType) -> Bool? {
        switch data {
        case .unknown: return nil
        case .corpus: return self == .languageModel
        case .dataset(let facts):
            guard let kind = facts.kind else { return self == .languageModel ? false : nil }
            switch self {
            case .languageModel: return false
            case .classifier: return kind == .labelled
            case .tagger: return kind == .tagged || kind == .pairs
            case .regressor: return kind == .sequences
            case .seq2seq: return kind == .pairs
            case .echoState: return kind == .sequences
            }
        default: return false
        }
    }

    /// A model's name with its article, for messages: `a Regressor`, `an EchoState`.
    public static func withArticle(_ name: String) -> String {
        ("AEIOU".contains(name.first ?? "x") ? "an " : "a ") + name
    }

    /// What this kind trains on, for messages: `a Corpus (from text(...))`.
    public var trainsOn: String {
        switch self {
        case .languageModel: return "a Corpus (from text(...))"
        case .classifier: return "labelled texts (from csv(...))"
        case .tagger: return "tagged sequences (from tagged(...), task.copy or task.reverse)"
        case .regressor: return "numeric sequences (from task.adding or task.sine)"
        case .seq2seq: return "sequence pairs (from tsv(...), task.reverse, task.copy, task.sort or task.addition)"
        case .echoState: return "numeric sequences (from task.mackey_glass, task.narma, task.sine or task.adding)"
        }
    }
}

/// What the checker knows about a model before it is built.
public struct ModelFacts: Hashable, Sendable {
    /// The kind of model, when known.
    public var kind: ModelKind?
    /// Input features per time step (`Regressor(inputs:)`), when known.
    public var inputs: Int?
    /// Output values (`Regressor(outputs:)`), when known.
    public var outputs: Int?

    /// Facts from their parts; everything unknown by default.
    public init(kind: ModelKind? = nil, inputs: Int? = nil, outputs: Int? = nil) {
        self.kind = kind
        self.inputs = inputs
        self.outputs = outputs
    }

    /// The facts both sides agree on.
    public func joined(with other: ModelFacts) -> ModelFacts {
        ModelFacts(kind: kind == other.kind ? kind : nil, inputs: inputs == other.inputs ? inputs : nil,
                   outputs: outputs == other.outputs ? outputs : nil)
    }
}

/// The recurrent layer specifications (`RNN`, `LSTM`, `GRU`, `LeakyRNN`).
public enum RecurrentKind: String, CaseIterable, Hashable, Sendable {
    /// The Elman RNN.
    case rnn = "RNN"
    /// Long short-term memory.
    case lstm = "LSTM"
    /// The gated recurrent unit.
    case gru = "GRU"
    /// Leaky units.
    case leakyRNN = "LeakyRNN"
}
