import UnrollTensor

/// A data set that is a list of examples plus shared metadata (vocabularies, label names), which gives every
/// data set the same shuffled `split`.
public protocol ExampleDataset {
    /// One item of the data set.
    associatedtype Example
    /// The examples, in order.
    var examples: [Example] { get }
    /// The same data set (vocabularies, names) holding `examples` instead.
    func replacingExamples(_ examples: [Example]) -> Self
}

extension ExampleDataset {
    /// The number of examples.
    public var count: Int { examples.count }

    /// Shuffles the examples with `rng` and cuts them into a training part of `round(fraction · count)`
    /// examples and a test part of the rest; both keep this data set's vocabularies and names.
    ///
    /// Throws a `DataError` unless 0 < `fraction` < 1 and both parts are non-empty.
    public func split(fraction: Double, rng: inout RandomGenerator) throws -> (train: Self, test: Self) {
        let cut = try SplitPoint.count(fraction: fraction, total: examples.count)
        var order = Array(examples.indices)
        rng.shuffle(&order)
        let train = order[..<cut].map { examples[$0] }
        let test = order[cut...].map { examples[$0] }
        return (replacingExamples(train), replacingExamples(test))
    }

    /// The examples at `indices`, as a data set of the same kind (e.g. a mini-batch or a fold).
    public func subset(_ indices: [Int]) -> Self {
        replacingExamples(indices.map { i in
            precondition(examples.indices.contains(i), "subset: index \(i) out of range for \(examples.count) examples")
            return examples[i]
        })
    }
}
