/// Counts behind precision, recall and F1: items predicted, items in the truth, and items in both.
public struct PrecisionRecall: Equatable, Sendable {
    /// Items both predicted and true.
    public var correct: Int
    /// Items predicted.
    public var predicted: Int
    /// Items in the truth (the support).
    public var actual: Int

    /// Counts from their parts.
    public init(correct: Int = 0, predicted: Int = 0, actual: Int = 0) {
        self.correct = correct
        self.predicted = predicted
        self.actual = actual
    }

    /// `correct / predicted`, 0 when nothing was predicted (scikit-learn's and seqeval's zero division).
    public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
    /// `correct / actual`, 0 when there is nothing to find.
    public var recall: Double { actual == 0 ? 0 : Double(correct) / Double(actual) }
    /// The harmonic mean of precision and recall, 0 when both are 0.
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// The sum of two sets of counts (micro averaging).
    public static func + (a: PrecisionRecall, b: PrecisionRecall) -> PrecisionRecall {
        PrecisionRecall(correct: a.correct + b.correct, predicted: a.predicted + b.predicted, actual: a.actual + b.actual)
    }
}

/// Precision, recall and F1 per class (or entity type), with their micro and macro averages.
public struct ClassScores: Equatable, Sendable {
    /// The classes, in order, with their counts.
    public var classes: [(name: String, counts: PrecisionRecall)]

    /// Scores from per-class counts.
    public init(classes: [(name: String, counts: PrecisionRecall)]) { self.classes = classes }

    /// The counts of all classes added up: precision, recall and F1 over every item at once.
    public var micro: PrecisionRecall { classes.reduce(PrecisionRecall()) { $0 + $1.counts } }

    /// The unweighted means of the per-class precision, recall and F1 (0 with no classes).
    public var macro: (precision: Double, recall: Double, f1: Double) {
        guard !classes.isEmpty else { return (0, 0, 0) }
        let n = Double(classes.count)
        return (classes.map(\.counts.precision).reduce(0, +) / n, classes.map(\.counts.recall).reduce(0, +) / n,
                classes.map(\.counts.f1).reduce(0, +) / n)
    }

    public static func == (a: ClassScores, b: ClassScores) -> Bool {
        a.classes.map(\.name) == b.classes.map(\.name) && a.classes.map(\.counts) == b.classes.map(\.counts)
    }
}
