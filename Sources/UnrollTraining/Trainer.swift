#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import UnrollAutograd
import UnrollNN
import UnrollTensor

/// Runs training and evaluation passes of an `Objective`.
public enum Trainer {
    /// Trains for `options.epochs` epochs and returns the per-epoch history.
    ///
    /// Each batch: forward, backward, optional clipping (by value, then by global norm), optimizer step. The
    /// global gradient norm before clipping and whether clipping changed the gradients are recorded per epoch
    /// in `History.gradients`.
    /// After each epoch the validation objective, if any, is measured without gradients or dropout.
    /// A `schedule` in the options sets the learning rate before each epoch (and hears the watched metric after it);
    /// `stopping` ends training after `patience` epochs without a better monitored value and, with `keepBest`, puts
    /// back the best epoch's weights (see `EarlyStopping`).
    /// Each epoch's wall-clock seconds (its batches and its validation pass, `EpochClock`) go to `History.seconds`.
    /// `checkpoint` runs after every batch with the batch's 1-based index and count; it may throw to stop
    /// training (a cell timeout), and the error propagates.
    public static func fit(_ objective: Objective, validation: Objective? = nil, options: TrainingOptions,
                           optimizer: Optimizer, rng: inout RandomGenerator,
                           checkpoint: (_ batch: Int, _ batches: Int) throws -> Void = { _, _ in },
                           progress: ProgressHandler? = nil) throws -> History {
        var history = History()
        var watch = EpochWatch(options: options, optimizer: optimizer)
        let epochs = max(options.epochs, 1)
        for epoch in 1...epochs {
            let clock = EpochClock()
            if let rate = watch.beginEpoch(epoch, of: epochs) { history.learningRates.append(rate) }
            var sum = 0.0, count = 0, correct = 0, classifies = false
            var norms: [Double] = [], clipped = 0
            objective.beginEpoch(epoch, of: epochs)
            let batches = objective.begin(shuffle: options.shuffle, batchSize: options.batchSize, rng: &rng)
            for b in 0..<batches {
                optimizer.zeroGrad()
                let outcome = objective.run(batch: b, training: true, rng: &rng)
                guard outcome.count > 0 else { continue }
                outcome.loss.backward()
                let parameters = objective.parameters
                var total = GradientClipping.globalNorm(of: parameters)
                norms.append(Double(total))
                var changed = false
                if let limit = options.clipValue, GradientClipping.clipByValue(parameters, limit: limit) > 0 {
                    changed = true
                    total = GradientClipping.globalNorm(of: parameters)
                }
                if let norm = options.clipNorm, GradientClipping.clipByGlobalNorm(parameters, maxNorm: norm, measured: total) {
                    changed = true
                }
                if changed { clipped += 1 }
                optimizer.step()
                sum += Double(outcome.loss.value.scalar) * Double(outcome.count)
                count += outcome.count
                if let c = outcome.correct { correct += c; classifies = true }
                try checkpoint(b + 1, batches)
            }
            let train = metrics(sum: sum, count: count, correct: classifies ? correct : nil,
                                perplexity: objective.reportsPerplexity)
            history.train.append(train)
            history.gradients.append(GradientStatistics(norms: norms, clipped: clipped))
            var valid: Metrics?
            if let validation {
                valid = evaluate(validation, batchSize: options.batchSize, rng: &rng)
                history.valid.append(valid!)
            }
            history.seconds.append(clock.elapsed)
            progress?(EpochReport(epoch: epoch, epochs: options.epochs, train: train, valid: valid))
            if watch.endEpoch(epoch, metrics: valid ?? train, parameters: objective.parameters) {
                if epoch < epochs { history.stoppedEpoch = epoch }
                break
            }
        }
        watch.finish(parameters: objective.parameters, history: &history)
        optimizer.zeroGrad()
        return history
    }

    /// Measures an objective over all its data without gradients or dropout.
    public static func evaluate(_ objective: Objective, batchSize: Int, rng: inout RandomGenerator) -> Metrics {
        withoutGradients {
            var sum = 0.0, count = 0, correct = 0, classifies = false
            let batches = objective.begin(shuffle: false, batchSize: batchSize, rng: &rng)
            for b in 0..<batches {
                let outcome = objective.run(batch: b, training: false, rng: &rng)
                sum += Double(outcome.loss.value.scalar) * Double(outcome.count)
                count += outcome.count
                if let c = outcome.correct { correct += c; classifies = true }
            }
            return metrics(sum: sum, count: count, correct: classifies ? correct : nil,
                           perplexity: objective.reportsPerplexity)
        }
    }

    private static func metrics(sum: Double, count: Int, correct: Int?, perplexity: Bool) -> Metrics {
        let loss = count > 0 ? sum / Double(count) : .nan
        return Metrics(loss: loss,
                       accuracy: correct.map { count > 0 ? Double($0) / Double(count) : .nan },
                       perplexity: perplexity ? exp(loss) : nil)
    }
}
