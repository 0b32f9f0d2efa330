/// Counts of (true class, predicted class) pairs for a classifier, with the per-class scores they give.
public struct ConfusionMatrix: Equatable, Sendable {
    /// The class names; rows and columns follow this order.
    public let classes: [String]
    /// `counts[t][p]`: examples of true class `t` predicted as `p`.
    public private(set) var counts: [[Int]]

    /// An empty matrix over `classes`.
    public init(classes: [String]) {
        self.classes = classes
        counts = Array(repeating: Array(repeating: 0, count: classes.count), count: classes.count)
    }

    /// A matrix of the pairs `(truth[i], predicted[i])`, each an index into `classes`.
    public init(classes: [String], truth: [Int], predicted: [Int]) {
        precondition(truth.count == predicted.count, "confusion matrix: \(truth.count) true and \(predicted.count) predicted labels")
        self.init(classes: classes)
        for (t, p) in zip(truth, predicted) { add(truth: t, predicted: p) }
    }

    /// Counts one example.
    public mutating func add(truth: Int, predicted: Int) {
        precondition(classes.indices.contains(truth) && classes.indices.contains(predicted),
                     "confusion matrix: label \(truth) or \(predicted) outside \(classes.count) classes")
        counts[truth][predicted] += 1
    }

    /// The number of examples counted.
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// The fraction on the diagonal (NaN when empty).
    public var accuracy: Double {
        total == 0 ? .nan : Double(classes.indices.reduce(0) { $0 + counts[$1][$1] }) / Double(total)
    }

    /// Per class: right predictions of it, predictions of it (its column) and examples of it (its row).
    public var scores: ClassScores {
        ClassScores(classes: classes.indices.map { k in
            (name: classes[k], counts: PrecisionRecall(correct: counts[k][k], predicted: counts.reduce(0) { $0 + $1[k] },
                                                       actual: counts[k].reduce(0, +)))
        })
    }
}
