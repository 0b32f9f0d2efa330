import UnrollAutograd
import UnrollData
import UnrollNN
import UnrollTensor

/// Encoder–decoder training: cross-entropy of every target token (and the closing `<eos>`), with the
/// decoder fed the truth or its own guess per a teacher-forcing schedule.
public final class Seq2SeqObjective: Objective {
    /// The model.
    public let model: Seq2Seq
    /// The source/target pairs (target ids without `<bos>`/`<eos>`).
    public let examples: [SequencePairExample]
    /// The teacher-forcing ratio per epoch; evaluation passes always feed the truth.
    public let schedule: TeacherForcingSchedule
    /// The ratio of the epoch being trained.
    public private(set) var ratio: Double
    private var batches: [PaddedBatch] = []

    /// The `<bos>` id of target vocabularies.
    public static let begin = 2
    /// The `<eos>` id of target vocabularies.
    public static let end = 3

    /// An objective for `model` on `examples`.
    public init(model: Seq2Seq, examples: [SequencePairExample], schedule: TeacherForcingSchedule = .init(start: 1)) {
        self.model = model
        self.examples = examples
        self.schedule = schedule
        self.ratio = schedule.start
    }

    public var parameters: [Variable] { model.parameters }

    public func beginEpoch(_ epoch: Int, of epochs: Int) {
        ratio = schedule.ratio(epoch: epoch, of: epochs)
    }

    public func begin(shuffle: Bool, batchSize: Int, rng: inout RandomGenerator) -> Int {
        batches = shuffledPaddedBatches(examples.map(\.source), shuffle: shuffle, batchSize: batchSize, rng: &rng)
        return batches.count
    }

    public func run(batch index: Int, training: Bool, rng: inout RandomGenerator) -> BatchOutcome {
        let batch = batches[index]
        // Decoder steps: `<bos> y1 … yn` in, `y1 … yn <eos>` out; padding in is 0, padding out is −1 (ignored).
        let steps = batch.indices.map { examples[$0].target.count + 1 }.max() ?? 1
        var input = [Int](repeating: 0, count: batch.batch * steps)
        var targets = [Int](repeating: -1, count: batch.batch * steps)
        for (n, i) in batch.indices.enumerated() {
            let target = examples[i].target
            input[n * steps] = Self.begin
            for (t, id) in target.enumerated() {
                input[n * steps + t + 1] = id
                targets[n * steps + t] = id
            }
            targets[n * steps + target.count] = Self.end
        }
        let logits = model.logits(source: batch.tokens, sourceLengths: batch.lengths, sourceSteps: batch.steps,
                                  targetInput: input, targetSteps: steps,
                                  teacherForcing: training ? Float(ratio) : 1, training: training, rng: &rng)
        return tokenCrossEntropy(logits, targets: targets)
    }
}
