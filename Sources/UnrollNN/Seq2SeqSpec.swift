/// The configuration of an encoder–decoder model with optional attention (`Seq2Seq`).
public struct Seq2SeqSpec: Equatable, Sendable {
    /// The number of source token ids `Vs` (id 0 is padding).
    public var sourceVocabulary: Int
    /// The number of target token ids `Vt` (0 pad, 1 unk, 2 bos, 3 eos).
    public var targetVocabulary: Int
    /// The embedding size `E` of both vocabularies.
    public var embed: Int
    /// The encoder stack (any cell, layers, bidirectional, dropout between layers).
    public var encoder: RecurrentSpec
    /// The decoder stack (cell, hidden size, layers, dropout between layers; never bidirectional).
    public var decoder: RecurrentSpec
    /// How each decoder step attends to the encoder outputs.
    public var attention: AttentionKind
    /// Dropout on the embeddings and before the output projection, in training.
    public var dropout: Float

    /// A spec from its parts.
    public init(sourceVocabulary: Int, targetVocabulary: Int, embed: Int, encoder: RecurrentSpec,
                decoder: RecurrentSpec, attention: AttentionKind, dropout: Float = 0) {
        self.sourceVocabulary = sourceVocabulary
        self.targetVocabulary = targetVocabulary
        self.embed = embed
        self.encoder = encoder
        self.decoder = decoder
        self.attention = attention
        self.dropout = dropout
    }

    /// The encoder output size `D` (hidden size times directions).
    public var encoderOutputSize: Int { encoder.hidden * (encoder.bidirectional ? 2 : 1) }

    /// Throws a `Seq2SeqError` naming the first size or option that cannot form a model.
    public func validate() throws {
        func positive(_ what: String, _ value: Int, atLeast minimum: Int = 1) throws {
            guard value >= minimum else { throw Seq2SeqError("\(what) must be at least \(minimum), got \(value)") }
        }
        func probability(_ what: String, _ value: Float) throws {
            guard value.isFinite, value >= 0, value < 1 else {
                throw Seq2SeqError("\(what) must be in [0, 1), got \(value)")
            }
        }
        try positive("source vocabulary size", sourceVocabulary)
        try positive("target vocabulary size (pad, unk, bos and eos included)", targetVocabulary,
                     atLeast: 4)
        try positive("embedding size", embed)
        try positive("encoder hidden size", encoder.hidden)
        try positive("encoder layers", encoder.layers)
        try positive("decoder hidden size", decoder.hidden)
        try positive("decoder layers", decoder.layers)
        try probability("dropout", dropout)
        try probability("encoder dropout", encoder.dropout)
        try probability("decoder dropout", decoder.dropout)
        if decoder.bidirectional {
            throw Seq2SeqError("the decoder cannot be bidirectional (it generates left to right); "
                               + "drop 'bidirectional' from the decoder")
        }
        if attention == .dot, encoderOutputSize != decoder.hidden {
            throw Seq2SeqError("dot attention needs the encoder output size \(encoderOutputSize) (hidden "
                               + "\(encoder.hidden) × \(encoder.bidirectional ? 2 : 1) directions) to equal the decoder "
                               + "hidden size \(decoder.hidden); use 'general' or 'additive' attention or match the sizes")
        }
    }
}
