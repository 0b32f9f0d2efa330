import UnrollTensor

extension SyntheticTasks {
    /// The reverse task: the target is the source backwards (`3 1 4` → `4 1 3`), over `vocabulary` symbols
    /// with lengths drawn uniformly from `length`.
    public static func reverse(count: Int, length: ClosedRange<Int>, vocabulary: Int,
                               rng: inout RandomGenerator) throws -> SequencePairDataset {
        try symbolPairs(task: "reverse", count: count, length: length, vocabulary: vocabulary, rng: &rng) {
            Array($0.reversed())
        }
    }

    /// The reverse task with every source `length` symbols long.
    public static func reverse(count: Int, length: Int, vocabulary: Int,
                               rng: inout RandomGenerator) throws -> SequencePairDataset {
        try reverse(count: count, length: length...length, vocabulary: vocabulary, rng: &rng)
    }
}
