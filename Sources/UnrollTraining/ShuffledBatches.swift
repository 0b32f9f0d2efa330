import UnrollData
import UnrollTensor

/// Cuts token sequences into right-padded batches, in a fresh random order when `shuffle` is set (one
/// Fisher–Yates pass of `rng` per call, so the order is part of the seeded run).
func shuffledPaddedBatches(_ sequences: [[Int]], shuffle: Bool, batchSize: Int,
                           rng: inout RandomGenerator) -> [PaddedBatch] {
    var order = Array(sequences.indices)
    if shuffle { rng.shuffle(&order) }
    return paddedBatches(sequences, batchSize: batchSize, order: order)
}
