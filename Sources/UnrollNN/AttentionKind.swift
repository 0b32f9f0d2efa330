/// How a sequence-to-sequence decoder scores the encoder outputs at each step.
public enum AttentionKind: String, CaseIterable, Sendable {
    /// No attention: every step sees the same fixed context, the encoder's final hidden state.
    case none
    /// Luong's dot score `q · k` (the encoder output size must equal the decoder hidden size).
    case dot
    /// Luong's general score `q · (W k)`.
    case general
    /// Bahdanau's additive score `v · tanh(W_q q + W_k k)`.
    case additive
}
