import UnrollAutograd
import UnrollTensor

/// The parts every token model has: `Embedding(V, E) → recurrent stack → Linear(D·H, C)`, with one dropout on
/// the embeddings and before the projection; the models differ only in what they feed the projection.
public struct TokenRecurrentStack {
    /// The token embedding.
    public let embedding: Embedding
    /// The recurrent stack.
    public let rnn: RecurrentLayer
    /// Dropout on the embeddings and before the output projection.
    public let dropout: Dropout
    /// The projection to `C` logits.
    public let head: Linear

    /// Fresh weights, drawn in the order embedding, recurrent stack, projection.
    init(vocabulary: Int, outputs: Int, embed: Int, rnn spec: RecurrentSpec, dropout: Float, rng: inout RandomGenerator) {
        embedding = Embedding(vocabularySize: vocabulary, dimension: embed, rng: &rng)
        rnn = spec.makeLayer(inputSize: embed, rng: &rng)
        self.dropout = Dropout(dropout)
        head = Linear(inputSize: rnn.outputSize, outputSize: outputs, rng: &rng)
    }

    /// The embeddings `(N, T, E)` of right-padded tokens `(N, T)`, after dropout.
    func embedded(_ tokens: [Int], batch: Int, steps: Int, training: Bool, rng: inout RandomGenerator) -> Variable {
        dropout(embedding(tokens, shape: [batch, steps]), training: training, rng: &rng)
    }

    /// The logits of `features` `(rows, D·H)`, after dropout.
    func project(_ features: Variable, training: Bool, rng: inout RandomGenerator) -> Variable {
        head(dropout(features, training: training, rng: &rng))
    }
}

/// A model built on a `TokenRecurrentStack`, whose parameters are the stack's under PyTorch's names.
public protocol TokenRecurrentModel: Parameterized {
    /// The embedding, recurrent stack, dropout and projection.
    var stack: TokenRecurrentStack { get }
}

extension TokenRecurrentModel {
    /// The token embedding.
    public var embedding: Embedding { stack.embedding }
    /// The recurrent stack.
    public var rnn: RecurrentLayer { stack.rnn }
    /// Dropout on the embeddings and before the output projection.
    public var dropout: Dropout { stack.dropout }
    /// The projection to logits.
    public var head: Linear { stack.head }

    /// `embedding.*`, `rnn.*`, `head.*`, as PyTorch names a module with these three children.
    public var namedParameters: [(name: String, variable: Variable)] {
        prefixed("embedding", stack.embedding) + prefixed("rnn", stack.rnn) + prefixed("head", stack.head)
    }
}
