import UnrollData
import UnrollLanguage
import UnrollNN
import UnrollRecord
import UnrollTensor
import UnrollTraining

/// A value the interpreter computes: numbers and text, collections, data, models and what training recorded.
enum Value {
    /// A whole number.
    case int(Int)
    /// A floating-point number.
    case float(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// Text.
    case string(String)
    /// A list literal, or a list a builtin returned.
    case list([Value])
    /// A fixed number of values, as `split` returns.
    case tuple([Value])
    /// An inclusive range of integers, lower end first.
    case range(Int, Int)
    /// A record literal's fields, in source order.
    case record([RecordField])
    /// A token stream for language models.
    case corpus(TextCorpus)
    /// The vocabulary of a corpus or dataset, with how its texts are tokenized.
    case vocabulary(TextCodec)
    /// A collection of examples.
    case dataset(DatasetValue)
    /// A recurrent stack specification.
    case recurrent(RecurrentSpec)
    /// A model (shared: `fit` trains it in place).
    case model(ModelValue)
    /// An optimizer specification.
    case optimizer(OptimizerSpec)
    /// A learning-rate schedule for the `schedule` option of `fit`.
    case schedule(LearningRateSchedule)
    /// What `fit` recorded for a model.
    case history(HistoryValue)
    /// The metrics of one split of a history.
    case curves(CurvesValue)
    /// A sequence of numbers, one per epoch.
    case series(SeriesValue)
    /// Loss, accuracy and perplexity of a model on some data.
    case metrics(MetricsValue)
    /// A table to show.
    case table(TableOutput)
    /// A matrix of weights with labelled rows and columns (an attention table).
    case heatmap(HeatmapOutput)
    /// A float32 array of any shape.
    case tensor(Tensor)
    /// Tensors by name (a safetensors file, a model's state dict).
    case tensors(TensorsValue)

    /// The value of a constant the checker knew (a literal, a param, a default).
    init(_ constant: ConstantValue) {
        switch constant {
        case .int(let i): self = .int(i)
        case .float(let x): self = .float(x)
        case .string(let s): self = .string(s)
        case .bool(let b): self = .bool(b)
        case .list(let items): self = .list(items.map(Value.init))
        case .range(let lo, let hi): self = .range(lo, hi)
        }
    }

    /// The value as a constant, when it is one (numbers, text, truth values, ranges and lists of these).
    var constant: ConstantValue? {
        switch self {
        case .int(let i): return .int(i)
        case .float(let x): return .float(x)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .range(let lo, let hi): return .range(lo, hi)
        case .list(let items):
            let constants = items.compactMap(\.constant)
            return constants.count == items.count ? .list(constants) : nil
        default: return nil
        }
    }

    /// The number, when the value is an `int` or a `float`.
    var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .float(let x): return x
        default: return nil
        }
    }
}

/// One `key: value` field of a record value.
extension Value {
    /// How many lists, tuples and records deep the value is (0 for a scalar), counted only as far as `limit + 1`
    /// so that the walk itself stays shallow.
    func nestingDepth(upTo limit: Int) -> Int {
        let children: [Value]
        switch self {
        case .list(let items), .tuple(let items): children = items
        case .record(let fields): children = fields.map(\.value)
        default: return 0
        }
        if limit <= 0 { return 1 }
        var deepest = 0
        for child in children {
            deepest = max(deepest, child.nestingDepth(upTo: limit - 1))
            if deepest >= limit { break }
        }
        return 1 + deepest
    }
}

struct RecordField {
    /// The key.
    var name: String
    /// The value.
    var value: Value
}
