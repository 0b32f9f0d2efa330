import UnrollAutograd
import UnrollNN
import UnrollTensor

/// What the trainer does between epochs: sets the scheduled learning rate, watches the monitored metric for early
/// stopping and the plateau schedule, and keeps a copy of the best epoch's weights for `keepBest`.
struct EpochWatch {
    private var schedule: LearningRateSchedule?
    private let stopping: EarlyStopping?
    private let optimizer: Optimizer
    private let base: Double
    private var best: Double?
    private var bestEpoch: Int?
    private var sinceBest = 0
    private var lastEpoch = 0
    private var bestWeights: [Tensor]?

    /// A watch for one `fit`, from its options and the optimizer whose rate it sets.
    init(options: TrainingOptions, optimizer: Optimizer) {
        schedule = options.schedule
        stopping = options.stopping
        self.optimizer = optimizer
        base = Double(optimizer.learningRate)
    }

    /// Sets the optimizer's rate for `epoch` and returns it, or nil when there is no schedule.
    mutating func beginEpoch(_ epoch: Int, of epochs: Int) -> Double? {
        guard schedule != nil else { return nil }
        let rate = schedule!.rate(epoch: epoch, of: epochs, base: base)
        optimizer.learningRate = Float(rate)
        return rate
    }

    /// Records an epoch's watched metrics; true when training should stop now.
    mutating func endEpoch(_ epoch: Int, metrics: Metrics, parameters: [Variable]) -> Bool {
        lastEpoch = epoch
        let rule = stopping ?? EarlyStopping()
        guard let value = rule.value(in: metrics) else { return false }
        schedule?.observe(value, maximizes: rule.maximizes)
        guard let stopping else { return false }
        if stopping.improves(value, on: best) {
            best = value
            bestEpoch = epoch
            sinceBest = 0
            if stopping.keepBest { bestWeights = parameters.map(\.value) }
            return false
        }
        sinceBest += 1
        return stopping.patience.map { sinceBest >= $0 } ?? false
    }

    /// Puts back the best weights when asked to and notes the best epoch in the history.
    func finish(parameters: [Variable], history: inout History) {
        guard let stopping else { return }
        history.bestEpoch = bestEpoch
        guard stopping.keepBest, let bestEpoch, let bestWeights, bestEpoch != lastEpoch else { return }
        for (p, w) in zip(parameters, bestWeights) { p.value = w }
        history.restoredEpoch = bestEpoch
    }
}
