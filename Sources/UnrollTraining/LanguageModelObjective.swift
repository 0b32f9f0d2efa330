import UnrollAutograd
import UnrollData
import UnrollNN
import UnrollTensor

/// Next-token prediction over a token stream with truncated BPTT: the stream is laid out as `batchSize`
/// parallel rows cut into windows of `bptt` steps; the state after one window starts the next one, with its
/// gradient cut (detached).
public final class LanguageModelObjective: Objective {
    /// The model.
    public let model: LanguageModel
    /// The token ids, in order.
    public let ids: [Int]
    /// The window length.
    public let bptt: Int
    /// The stream of the current pass, cut into windows.
    private(set) var stream: LanguageModelStream?
    private var state: RecurrentLayer.State?

    /// An objective for `model` on the stream `ids` with windows of `bptt` steps.
    public init(model: LanguageModel, ids: [Int], bptt: Int) {
        self.model = model
        self.ids = ids
        self.bptt = bptt
    }

    public var parameters: [Variable] { model.parameters }
    public var reportsPerplexity: Bool { true }

    public func begin(shuffle: Bool, batchSize: Int, rng: inout RandomGenerator) -> Int {
        state = nil
        // Fewer rows than asked when the stream is short, so that every row has at least one step.
        let rows = max(1, min(batchSize, (ids.count - 1) / 2))
        stream = try? LanguageModelStream(ids: ids, rows: rows, bptt: max(1, bptt))
        return stream?.windowCount ?? 0
    }

    public func run(batch index: Int, training: Bool, rng: inout RandomGenerator) -> BatchOutcome {
        let window = stream!.window(index)
        let (logits, newState) = model.logits(tokens: window.inputs, batch: window.batch, steps: window.steps,
                                              state: state, training: training, rng: &rng)
        state = newState.detached()
        let loss = logits.crossEntropy(targets: window.targets)
        return BatchOutcome(loss: loss, count: window.targets.count, correct: nil)
    }
}
