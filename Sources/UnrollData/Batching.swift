/// A mini-batch of token sequences padded on the right to a common length.
public struct PaddedBatch: Equatable, Sendable {
    /// The number of sequences `N`.
    public let batch: Int
    /// The padded length `T`, the longest sequence in the batch.
    public let steps: Int
    /// The ids, `N × T` row-major (sequence `n`, step `t` at `n · T + t`), padded with 0 (`<pad>`).
    public let tokens: [Int]
    /// Each sequence's true length.
    public let lengths: [Int]
    /// Which of the input sequences each row holds (positions in the `sequences` given to `paddedBatches`).
    public let indices: [Int]

    /// A batch from its parts.
    public init(batch: Int, steps: Int, tokens: [Int], lengths: [Int], indices: [Int]) {
        precondition(tokens.count == batch * steps && lengths.count == batch && indices.count == batch,
                     "PaddedBatch: \(tokens.count) tokens, \(lengths.count) lengths, \(indices.count) indices "
                     + "for \(batch) × \(steps)")
        self.batch = batch
        self.steps = steps
        self.tokens = tokens
        self.lengths = lengths
        self.indices = indices
    }

    /// The ids of row `n` without its padding.
    public func row(_ n: Int) -> ArraySlice<Int> {
        tokens[(n * steps)..<(n * steps + lengths[n])]
    }
}

/// Groups `sequences` into batches of `batchSize`, taken in `order` (a permutation or subset of the
/// sequences' positions, e.g. shuffled each epoch); the last batch may be smaller. Each batch is padded with
/// 0 to its own longest sequence.
public func paddedBatches(_ sequences: [[Int]], batchSize: Int, order: [Int]) -> [PaddedBatch] {
    precondition(batchSize > 0, "paddedBatches: batch size must be positive, got \(batchSize)")
    var batches: [PaddedBatch] = []
    var start = 0
    while start < order.count {
        let members = Array(order[start..<min(start + batchSize, order.count)])
        for i in members {
            precondition(sequences.indices.contains(i),
                         "paddedBatches: order names sequence \(i) of \(sequences.count)")
        }
        let lengths = members.map { sequences[$0].count }
        let steps = lengths.max() ?? 0
        var tokens = [Int](repeating: 0, count: members.count * steps)
        for (n, i) in members.enumerated() {
            for (t, id) in sequences[i].enumerated() { tokens[n * steps + t] = id }
        }
        batches.append(PaddedBatch(batch: members.count, steps: steps, tokens: tokens, lengths: lengths,
                                   indices: members))
        start += batchSize
    }
    return batches
}
