import UnrollAutograd
import UnrollData
import UnrollNN
import UnrollTensor

extension RegressorObjective: RecurrentProbing {
    /// The batch's values; the last-step loss is the squared error of each row's prediction from its final state
    /// (per-step data: against the target of its last step), averaged over the outputs and summed over rows.
    public func probe(batch index: Int) -> RecurrentProbe {
        let batch = batches[index]
        let inputs = Tensor(shape: [batch.batch, batch.steps, batch.featureCount], scalars: batch.inputs)
        let o = batch.outputCount
        var last = batch.targets
        if batch.perStep {
            last = batch.lengths.enumerated().flatMap { n, length in
                batch.targets[((n * batch.steps + length - 1) * o)..<((n * batch.steps + length) * o)]
            }
        }
        let model = self.model
        return RecurrentProbe(
            layer: model.rnn, inputs: inputs, lengths: batch.lengths, parameters: model.parameters,
            lastStepLoss: { states in
                let predictions = model.head(RecurrentProbe.lastStates(states, lengths: batch.lengths))
                return predictions.meanSquaredError(target: Tensor(shape: predictions.shape, scalars: last))
                    .scaled(by: Float(batch.batch))
            },
            batchLoss: { states in
                let features = batch.perStep ? RecurrentProbe.allStates(states)
                    : RecurrentProbe.lastStates(states, lengths: batch.lengths)
                return self.outcome(model.head(features), for: batch).loss
            })
    }
}

extension ClassifierObjective: RecurrentProbing {
    /// The batch's embedded tokens; the loss is the cross-entropy of the label from the final state, which is
    /// both the last-step loss (summed over rows) and the objective's (averaged).
    public func probe(batch index: Int) -> RecurrentProbe {
        let batch = batches[index]
        let labels = batch.indices.map { examples[$0].label }
        let model = self.model
        let loss = { (states: [Variable]) in
            model.head(RecurrentProbe.lastStates(states, lengths: batch.lengths)).crossEntropy(targets: labels)
        }
        return RecurrentProbe(
            layer: model.rnn, inputs: model.embedding(batch.tokens, shape: [batch.batch, batch.steps]).value,
            lengths: batch.lengths, parameters: model.parameters,
            lastStepLoss: { loss($0).scaled(by: Float(labels.count)) }, batchLoss: loss)
    }
}

extension TaggerObjective: RecurrentProbing {
    /// The batch's embedded tokens; the last-step loss is the cross-entropy of each row's last tag.
    public func probe(batch index: Int) -> RecurrentProbe {
        let batch = batches[index]
        let targets = targets(for: batch)
        let lastTags = batch.lengths.enumerated().map { n, length in targets[n * batch.steps + length - 1] }
        let model = self.model
        return RecurrentProbe(
            layer: model.rnn, inputs: model.embedding(batch.tokens, shape: [batch.batch, batch.steps]).value,
            lengths: batch.lengths, parameters: model.parameters,
            lastStepLoss: { states in
                RecurrentProbe.summedCrossEntropy(model.head(RecurrentProbe.lastStates(states, lengths: batch.lengths)),
                                                  targets: lastTags)
            },
            batchLoss: { states in model.head(RecurrentProbe.allStates(states)).crossEntropy(targets: targets) })
    }
}

extension LanguageModelObjective: RecurrentProbing {
    /// Window `index` of the stream, from a zero state; the last-step loss is the cross-entropy of each row's
    /// last next token.
    public func probe(batch index: Int) -> RecurrentProbe {
        let window = stream!.window(index)
        let steps = window.steps
        let lastTargets = (0..<window.batch).map { window.targets[$0 * steps + steps - 1] }
        let model = self.model
        return RecurrentProbe(
            layer: model.rnn, inputs: model.embedding(window.inputs, shape: [window.batch, steps]).value,
            lengths: [Int](repeating: steps, count: window.batch), parameters: model.parameters,
            lastStepLoss: { states in RecurrentProbe.summedCrossEntropy(model.head(states[steps - 1]), targets: lastTargets) },
            batchLoss: { states in model.head(RecurrentProbe.allStates(states)).crossEntropy(targets: window.targets) })
    }
}
