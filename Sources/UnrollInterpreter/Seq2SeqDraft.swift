import UnrollNN

/// A `Seq2Seq` call's choices before the vocabulary sizes are known (they come from the first fit's data).
struct Seq2SeqDraft {
    /// The embedding width of both sides.
    var embed: Int
    /// The encoder's stack.
    var encoder: RecurrentSpec
    /// The decoder's stack.
    var decoder: RecurrentSpec
    /// The attention mechanism.
    var attention: AttentionKind
    /// Dropout on embeddings and before the output layer.
    var dropout: Float

    /// The library's specification once the vocabulary sizes are known.
    func spec(sourceVocabulary: Int, targetVocabulary: Int) -> Seq2SeqSpec {
        Seq2SeqSpec(sourceVocabulary: sourceVocabulary, targetVocabulary: targetVocabulary, embed: embed,
                    encoder: encoder, decoder: decoder, attention: attention, dropout: dropout)
    }

    /// The decoder a Seq2Seq gets when none is given: the encoder's kind, layers and dropout, one direction, as
    /// wide as the encoder's output (both directions), so that `dot` attention fits.
    static func defaultDecoder(for encoder: RecurrentSpec) -> RecurrentSpec {
        RecurrentSpec(kind: encoder.kind, hidden: encoder.hidden * (encoder.bidirectional ? 2 : 1),
                      layers: encoder.layers, bidirectional: false, dropout: encoder.dropout)
    }
}
