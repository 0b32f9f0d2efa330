/// A source sequence and its target sequence (a sentence and its translation, digits and their reversal).
///
/// Neither holds `<bos>`/`<eos>`: a trainer adds them from the target vocabulary's `beginIndex`/`endIndex`.
public struct SequencePairExample: Equatable, Sendable {
    /// The source token ids (in the source vocabulary).
    public var source: [Int]
    /// The target token ids (in the target vocabulary).
    public var target: [Int]

    /// A pair from its id sequences.
    public init(source: [Int], target: [Int]) {
        self.source = source
        self.target = target
    }
}
