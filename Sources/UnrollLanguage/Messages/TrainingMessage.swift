import UnrollDiagnostics

/// The messages about `fit` and `plot`: what is trained on what, and the options that apply, shared by the
/// checker and the interpreter.
public enum TrainingMessage: DiagnosticMessage, Hashable {
    /// `fit` of something that is not a model; `described` is its type with an article.
    case notAModel(model: String, described: String)
    /// `fit … on` something that is not data.
    case notData(got: ValueType)
    /// Data of a kind the model does not train on; `model` is the model's kind, `described` the data's type.
    case wrongData(model: String, trainsOn: String, described: String)
    /// Numeric data with another number of input features than the model reads; `origin` names the data.
    case inputFeatures(have: Int, origin: String?, model: String, want: Int)
    /// Numeric data with another number of targets than the model predicts.
    case targetValues(have: Int, origin: String?, model: String, want: Int)
    /// `bptt` given for a model that is not a language model.
    case bpttUnused(model: String)
    /// A Seq2Seq-only option given for another model.
    case seq2seqOnly(option: String, model: String)
    /// `plot` of something without curves.
    case notPlottable(type: ValueType)

    /// Every message of this type belongs to the language.
    public static let domain = "UnrollLanguage"

    /// The message as users read it.
    public var text: String {
        switch self {
        case .notAModel(let model, let described):
            return "cannot fit '\(model)': it is \(described), not a model"
        case .notData(let got):
            return "'fit' needs data (a Corpus or a Dataset) after 'on', got \(got)"
        case .wrongData(let model, let trainsOn, let described):
            return "a \(model) trains on \(trainsOn), not on \(described)"
        case .inputFeatures(let have, let origin, let model, let want):
            return "the data has \(have) input feature\(have == 1 ? "" : "s") per step\(Self.shown(origin)), but '\(model)' expects \(want)"
        case .targetValues(let have, let origin, let model, let want):
            return "the data has \(have) target value\(have == 1 ? "" : "s") per example\(Self.shown(origin)), "
                + "but '\(model)' predicts \(want)"
        case .bpttUnused(let model):
            return "'bptt' only applies to language models; a \(model) reads whole sequences"
        case .seq2seqOnly(let option, let model):
            return "'\(option)' only applies to a Seq2Seq, not a \(model)"
        case .notPlottable(let type):
            return "cannot plot \(type); 'plot' takes a History, a Series, a list of numbers, or a list of Histories or Series"
        }
    }

    /// Only an unused `bptt` is a warning.
    public var severity: Severity {
        if case .bpttUnused = self { return .warning }
        return .error
    }

    /// ` (task.adding)` after the data's counts, when its origin is known.
    private static func shown(_ origin: String?) -> String {
        origin.map { " (\($0))" } ?? ""
    }
}
