import UnrollTensor

extension SyntheticTasks {
    /// The sort task: the target holds the source's symbols in ascending numeric order (`3 1 4 1` →
    /// `1 1 3 4`), over `vocabulary` symbols with lengths drawn uniformly from `length`.
    public static func sort(count: Int, length: ClosedRange<Int>, vocabulary: Int,
                            rng: inout RandomGenerator) throws -> SequencePairDataset {
        try symbolPairs(task: "sort", count: count, length: length, vocabulary: vocabulary, rng: &rng) {
            $0.sorted()
        }
    }

    /// The sort task with every source `length` symbols long.
    public static func sort(count: Int, length: Int, vocabulary: Int,
                            rng: inout RandomGenerator) throws -> SequencePairDataset {
        try sort(count: count, length: length...length, vocabulary: vocabulary, rng: &rng)
    }
}
