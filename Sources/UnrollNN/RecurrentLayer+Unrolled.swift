import UnrollAutograd
import UnrollTensor

extension RecurrentLayer {
    /// Runs a one-direction stack over `inputs` `(N, T, F)` step by step on the tape with its `RecurrentCell`s
    /// (sharing the layer's weights; no fused kernel, no dropout), from a zero state, and returns every layer's
    /// hidden state at every step: `[layer][step]`, each `(N, H)`, so that their gradients can be read after a
    /// backward pass. Every step runs for every row; a padded row's states past its length are computed on
    /// and simply never used by a loss that reads each row up to its length, so they get no gradient from it.
    /// `recurrentWeight(layer, step)` may return a stand-in for that step's `W_hh` (see `RecurrentCell`).
    public func unrolledOnTape(_ inputs: Tensor,
                               recurrentWeight: (_ layer: Int, _ step: Int) -> Variable? = { _, _ in nil }) -> [[Variable]] {
        precondition(!bidirectional, "recurrent layer: unrolling on the tape takes one direction")
        precondition(inputs.rank == 3 && inputs.shape[2] == inputSize,
                     "recurrent layer: inputs \(inputs.shape), expected (N, T, \(inputSize))")
        let n = inputs.shape[0], steps = inputs.shape[1], features = inputs.shape[2]
        var below: [Variable] = (0..<steps).map { t in
            var x = Tensor(zeros: [n, features])
            inputs.withUnsafeBufferPointer { source in
                x.withUnsafeMutableBufferPointer { row in
                    for i in 0..<n {
                        for f in 0..<features { row[i * features + f] = source[(i * steps + t) * features + f] }
                    }
                }
            }
            return Variable(x)
        }
        var states: [[Variable]] = []
        for (l, directions) in cells.enumerated() {
            let cell = directions[0]
            var h = Variable(Tensor(zeros: [n, hiddenSize]))
            var c: Variable? = kind.hasCellState ? Variable(Tensor(zeros: [n, hiddenSize])) : nil
            var layerStates: [Variable] = []
            for t in 0..<steps {
                (h, c) = cell(below[t], h: h, c: c, recurrentWeight: recurrentWeight(l, t))
                layerStates.append(h)
            }
            states.append(layerStates)
            below = layerStates
        }
        return states
    }
}
