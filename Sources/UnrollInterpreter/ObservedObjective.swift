import UnrollAutograd
import UnrollTensor
import UnrollTraining

/// An objective that passes everything to another one and remembers the loss of the latest batch, so that
/// progress events can report it.
final class ObservedObjective: Objective {
    /// The objective doing the work.
    let inner: Objective
    /// The mean loss of the latest batch run, NaN before the first.
    private(set) var lastLoss = Double.nan

    /// Observes `inner`.
    init(_ inner: Objective) {
        self.inner = inner
    }

    var parameters: [Variable] { inner.parameters }

    var reportsPerplexity: Bool { inner.reportsPerplexity }

    func begin(shuffle: Bool, batchSize: Int, rng: inout RandomGenerator) -> Int {
        inner.begin(shuffle: shuffle, batchSize: batchSize, rng: &rng)
    }

    func beginEpoch(_ epoch: Int, of epochs: Int) { inner.beginEpoch(epoch, of: epochs) }

    func run(batch index: Int, training: Bool, rng: inout RandomGenerator) -> BatchOutcome {
        let outcome = inner.run(batch: index, training: training, rng: &rng)
        if outcome.count > 0 { lastLoss = Double(outcome.loss.value.scalar) }
        return outcome
    }
}
