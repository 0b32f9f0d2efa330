/// The measurements of one pass over a data set.
public struct Metrics: Equatable, Sendable {
    /// Mean loss per counted item (token, sequence or value).
    public var loss: Double
    /// Fraction of correct predictions, for classification-like objectives.
    public var accuracy: Double?
    /// `exp(loss)`, for language models.
    public var perplexity: Double?

    /// Metrics from their parts.
    public init(loss: Double, accuracy: Double? = nil, perplexity: Double? = nil) {
        self.loss = loss
        self.accuracy = accuracy
        self.perplexity = perplexity
    }

    /// The metrics present, by name, in a fixed order (`loss`, `accuracy`, `perplexity`).
    public var named: [(name: String, value: Double)] {
        var out = [("loss", loss)]
        if let accuracy { out.append(("accuracy", accuracy)) }
        if let perplexity { out.append(("perplexity", perplexity)) }
        return out
    }
}
