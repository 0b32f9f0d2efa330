import UnrollAutograd
import UnrollTensor

/// The scoring part of a `Seq2Seq` model: the projections its attention kind needs, under PyTorch's names
/// (`key`, `query`, `energy`, all without bias).
public final class Seq2SeqAttention: Parameterized {
    /// The score function.
    public let kind: AttentionKind
    /// `general`: `W` `(Hd, D)`; `additive`: `W_k` `(A, D)`.
    public let key: Linear?
    /// `additive`: `W_q` `(A, Hd)`.
    public let query: Linear?
    /// `additive`: `v` `(1, A)`.
    public let energy: Linear?

    /// The projections for keys of `keySize` (`D`) and queries of `querySize` (`Hd`); additive uses `A = Hd`.
    public init(kind: AttentionKind, keySize: Int, querySize: Int, rng: inout RandomGenerator) {
        self.kind = kind
        switch kind {
        case .none, .dot:
            key = nil; query = nil; energy = nil
        case .general:
            key = Linear(inputSize: keySize, outputSize: querySize, bias: false, rng: &rng)
            query = nil; energy = nil
        case .additive:
            query = Linear(inputSize: querySize, outputSize: querySize, bias: false, rng: &rng)
            key = Linear(inputSize: keySize, outputSize: querySize, bias: false, rng: &rng)
            energy = Linear(inputSize: querySize, outputSize: 1, bias: false, rng: &rng)
        }
    }

    /// What the scores compare queries with, computed once per batch from the keys `(N, S, D)`: the keys
    /// themselves (`dot`) or their projection `(N, S, Hd or A)`; nil without attention.
    public func prepare(keys: Variable) -> Variable? {
        switch kind {
        case .none: return nil
        case .dot: return keys
        case .general, .additive: return key!(keys)
        }
    }

    /// The scores `(N, S)` of queries `(N, Hd)` against the prepared keys (before masking and softmax).
    public func scores(query q: Variable, prepared: Variable) -> Variable {
        switch kind {
        case .none:
            preconditionFailure("attention scores: no attention")
        case .dot, .general:
            return Variable.batchedMatrixVector(prepared, q)
        case .additive:
            let n = prepared.shape[0], s = prepared.shape[1]
            let e = prepared.addingAcrossSteps(query!(q)).tanh()
            return energy!(e).reshaped([n, s])
        }
    }

    public var namedParameters: [(name: String, variable: Variable)] {
        var out: [(name: String, variable: Variable)] = []
        if let query { out += prefixed("query", query) }
        if let key { out += prefixed("key", key) }
        if let energy { out += prefixed("energy", energy) }
        return out
    }
}
