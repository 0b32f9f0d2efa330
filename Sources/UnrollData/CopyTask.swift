import UnrollTensor

extension SyntheticTasks {
    /// The copy task: the target repeats the source, a random string of `vocabulary` symbols
    /// (`"0"`…`"V-1"`) with a length drawn uniformly from `length`.
    public static func copy(count: Int, length: ClosedRange<Int>, vocabulary: Int,
                            rng: inout RandomGenerator) throws -> SequencePairDataset {
        try symbolPairs(task: "copy", count: count, length: length, vocabulary: vocabulary, rng: &rng) { $0 }
    }

    /// The copy task with every source `length` symbols long.
    public static func copy(count: Int, length: Int, vocabulary: Int,
                            rng: inout RandomGenerator) throws -> SequencePairDataset {
        try copy(count: count, length: length...length, vocabulary: vocabulary, rng: &rng)
    }
}
