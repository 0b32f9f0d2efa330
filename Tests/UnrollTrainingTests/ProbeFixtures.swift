import UnrollAutograd
import UnrollData
import UnrollNN
import UnrollTensor
import UnrollTraining

/// Small models and batches of every kind that has a recurrent stack, laid out as probes, for the
/// gradient-flow and BPTT tests.
enum ProbeFixtures {
    /// A name and the objective, already begun with `batch` rows per batch and no shuffling.
    static func objectives(_ kind: RecurrentCellKind, layers: Int = 1, hidden: Int = 3, seed: UInt64 = 7)
        throws -> [(name: String, objective: any RecurrentProbing)] {
        try objectives(RecurrentSpec(kind: kind, hidden: hidden, layers: layers), seed: seed)
    }

    /// The same objectives for models whose recurrent stack is `spec` (an LSTM variant, leaky units, a skip).
    static func objectives(_ spec: RecurrentSpec, seed: UInt64 = 7) throws -> [(name: String, objective: any RecurrentProbing)] {
        var rng = RandomGenerator(seed: seed)
        let adding = try SyntheticTasks.adding(count: 3, length: 3...6, rng: &rng)
        let regressor = SequenceRegressor(inputs: 2, outputs: 1, rnn: spec, perStep: false, rng: &rng)
        let perStepData = RegressionDataset(
            examples: [RegressionExample(inputs: [0.5, -1, 0.25, 2, 1], steps: 5, targets: [1, 0, -1, 0.5, 2]),
                       RegressionExample(inputs: [1, 0.5, -0.5], steps: 3, targets: [0, 1, 1])],
            featureCount: 1, outputCount: 1, perStep: true)
        let perStep = SequenceRegressor(inputs: 1, outputs: 1, rnn: spec, perStep: true, rng: &rng)
        let classifier = SequenceClassifier(vocabulary: 6, classes: 3, embed: 2, rnn: spec, rng: &rng)
        let classes = [ClassificationExample(tokens: [1, 2, 3, 4, 5], label: 2), ClassificationExample(tokens: [2, 2, 1], label: 0),
                       ClassificationExample(tokens: [5, 4, 3, 1], label: 1)]
        let tagger = SequenceTagger(vocabulary: 6, tags: 3, embed: 2, rnn: spec, rng: &rng)
        let tagged = [TaggingExample(tokens: [1, 2, 3, 4], tags: [0, 1, 2, 0]), TaggingExample(tokens: [3, 1], tags: [2, 2])]
        let language = LanguageModel(vocabulary: 5, embed: 2, rnn: spec, rng: &rng)
        let all: [(String, any RecurrentProbing)] = [
            ("regressor", RegressorObjective(model: regressor, dataset: adding)),
            ("per-step regressor", RegressorObjective(model: perStep, dataset: perStepData)),
            ("classifier", ClassifierObjective(model: classifier, examples: classes)),
            ("tagger", TaggerObjective(model: tagger, examples: tagged)),
            ("language model", LanguageModelObjective(model: language, ids: [0, 1, 2, 3, 4, 0, 2, 4, 1, 3, 0, 1, 4, 2, 3, 1, 0],
                                                      bptt: 5)),
        ]
        for (_, objective) in all { _ = objective.begin(shuffle: false, batchSize: 3, rng: &rng) }
        return all
    }

    /// The probe's top-layer states computed again without the tape, one step at a time, with `delta` added to
    /// element `index` of layer `layer`'s state at step `step` (the state the later steps then read), and the
    /// last-step loss of those states.
    static func perturbedLastStepLoss(_ probe: RecurrentProbe, layer: Int, step: Int, index: Int, delta: Float) -> Float {
        withoutGradients {
            let n = probe.inputs.shape[0], steps = probe.inputs.shape[1], features = probe.inputs.shape[2]
            let x = probe.inputs.scalars
            var below: [Variable] = []
            for t in 0..<steps {
                var rows: [Float] = []
                for i in 0..<n {
                    let start = (i * steps + t) * features
                    rows += x[start..<(start + features)]
                }
                below.append(Variable(Tensor(shape: [n, features], scalars: rows)))
            }
            let hidden = probe.layer.hiddenSize
            for (l, cells) in probe.layer.cells.enumerated() {
                var h = Variable(Tensor(zeros: [n, hidden]))
                var c: Variable? = probe.layer.kind.hasCellState ? Variable(Tensor(zeros: [n, hidden])) : nil
                var states: [Variable] = []
                for t in 0..<steps {
                    (h, c) = cells[0](below[t], h: h, c: c)
                    if l == layer, t == step {
                        var value = h.value
                        value.withUnsafeMutableBufferPointer { $0[index] += delta }
                        h = Variable(value)
                    }
                    states.append(h)
                }
                below = states
            }
            return probe.lastStepLoss(below).value.scalar
        }
    }
}
