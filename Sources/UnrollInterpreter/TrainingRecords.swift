#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import UnrollLanguage
import UnrollRecord
import UnrollTraining

/// A model's history as a value: what `fit` recorded, and the kind of model that recorded it.
struct HistoryValue {
    /// The epochs recorded.
    var history: History
    /// The kind of model, which decides the metrics there are.
    var kind: ModelKind
}

/// One split of a history: the training metrics or the validation metrics, per epoch.
struct CurvesValue {
    /// The epochs recorded.
    var history: History
    /// The kind of model.
    var kind: ModelKind
    /// `train` or `valid`.
    var split: String

    /// The per-epoch metrics of the split.
    var rows: [Metrics] { split == "valid" ? history.valid : history.train }
}

/// A sequence of numbers (one per epoch, or at x values of its own), named after where it came from
/// (`train loss`) or by `series(…, name:)`, and drawn in a style of its own if it was given one.
struct SeriesValue {
    /// The values.
    var values: [Double]
    /// The split it belongs to (`train`, `valid`), if it came from a history.
    var split: String?
    /// The metric it measures (`loss`), if it came from a history.
    var metric: String?
    /// The x value of each value, from `series(…, x:)` or a builtin that measures against something else
    /// (`gradient_flow`: the distance T−k); nil for 1, 2, 3, …
    var x: [Double]? = nil
    /// What x measures, when it is neither the epoch nor the step (`distance T−k`).
    var xLabel: String? = nil
    /// The legend name given by `series(…, name:)`, or a builtin's own (`layer 1`).
    var label: String? = nil
    /// How `plot` draws it, from `series(…, style:)`; nil for the plot's style.
    var style: SeriesStyle? = nil

    /// The legend name: the one given, else `train loss` for a series from a history, else nil.
    var name: String? {
        label ?? [split, metric].compactMap { $0 }.joined(separator: " ").nonEmpty
    }
}

/// Loss, accuracy and perplexity of a model on some data, as `evaluate` returns them.
struct MetricsValue {
    /// The measurements.
    var metrics: Metrics
    /// The kind of model measured.
    var kind: ModelKind
}

/// Looks up one metric (`loss`, `accuracy`, `perplexity`) in measurements of a kind of model.
enum MetricLookup {
    /// The value of `metric` in `metrics`, or why the model kind has none. Perplexity is the exponential of
    /// the cross-entropy loss when it was not recorded.
    static func value(_ metric: String, in metrics: Metrics, kind: ModelKind) -> Result<Double, MetricUnavailable> {
        switch metric {
        case "loss": return .success(metrics.loss)
        case "accuracy":
            if let accuracy = metrics.accuracy { return .success(accuracy) }
            if kind == .regressor || kind == .echoState {
                return .failure(MetricUnavailable("\(ModelKind.withArticle(kind.rawValue)) has no accuracy; its loss is the mean squared error"))
            }
            return .failure(MetricUnavailable(
                "a \(kind.rawValue)'s history records loss and perplexity, not accuracy; use 'accuracy(model, data)'"))
        case "perplexity":
            if let perplexity = metrics.perplexity { return .success(perplexity) }
            if kind == .regressor || kind == .echoState {
                return .failure(MetricUnavailable("\(ModelKind.withArticle(kind.rawValue)) has no perplexity; its loss is the mean squared error"))
            }
            return .success(exp(metrics.loss))
        default:
            return .failure(MetricUnavailable("unknown metric '\(metric)'; use \"loss\", \"accuracy\" or \"perplexity\""))
        }
    }

    /// The values of `metric` for each of `rows`, or why there are none.
    static func values(_ metric: String, in rows: [Metrics], kind: ModelKind) -> Result<[Double], MetricUnavailable> {
        var values: [Double] = []
        for row in rows {
            switch value(metric, in: row, kind: kind) {
            case .success(let x): values.append(x)
            case .failure(let why): return .failure(why)
            }
        }
        return .success(values)
    }
}

/// Why a metric is not available for a kind of model.
struct MetricUnavailable: Error {
    /// The message, lower-case.
    var message: String

    /// A reason from its message.
    init(_ message: String) { self.message = message }
}

extension String {
    /// The string, or nil when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
