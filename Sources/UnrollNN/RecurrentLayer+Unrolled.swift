import UnrollAutograd
import UnrollTensor

extension RecurrentLayer {
    /// Runs a one-direction stack over `inputs` `(N, T, F)` step by step on the tape, from a zero state, and returns
    /// every layer's hidden state at every step: `[layer][step]`, each `(N, H)`, so that their gradients can be read
    /// after a backward pass.
    ///
    /// The steps share the layer's weights and use no fused kernel and no dropout: a standard layer steps its
    /// `RecurrentCell`s, an LSTM variant its `VariantLSTMCell`s, leaky and skip layers their own tape step
    /// (`TimeRecurrence.unrolledStates`), so a state reached over several steps (a skip from `h_{t−d}`, a leaky
    /// unit's `(1 − α) h_{t−1}`) gets every path's gradient. Every step runs for every row; a padded row's states
    /// past its length are computed on and simply never used by a loss that reads each row up to its length, so
    /// they get no gradient from it. `recurrentWeight(layer, step)` may return a stand-in for that step's
    /// `firstRecurrentWeight` of the layer (see `RecurrentCell`).
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
        for l in 0..<layerCount {
            let zero = Variable(Tensor(zeros: [n, hiddenSize]))
            var layerStates: [Variable] = []
            if !timeCells.isEmpty {
                layerStates = timeCells[l][0].unrolledStates(below, h0: zero) { recurrentWeight(l, $0) }
            } else if !variantCells.isEmpty {
                var (h, c) = (zero, Variable(Tensor(zeros: [n, hiddenSize])))
                for t in 0..<steps {
                    (h, c) = variantCells[l][0].step(below[t], h: h, c: c, recurrentWeight: recurrentWeight(l, t))
                    layerStates.append(h)
                }
            } else {
                var h = zero
                var c: Variable? = kind.hasCellState ? Variable(Tensor(zeros: [n, hiddenSize])) : nil
                for t in 0..<steps {
                    (h, c) = cells[l][0](below[t], h: h, c: c, recurrentWeight: recurrentWeight(l, t))
                    layerStates.append(h)
                }
            }
            states.append(layerStates)
            below = layerStates
        }
        return states
    }

    /// The recurrent matrix of a layer (forward direction) that `unrolledOnTape`'s `recurrentWeight` stands in for,
    /// and its symbol: `W_hh` (all `G·H` gate rows), or `W_skip` for a skip layer without one-step connections.
    public func firstRecurrentWeight(layer: Int) -> (symbol: String, weight: Variable) {
        if !timeCells.isEmpty {
            let cell = timeCells[layer][0]
            let weight = cell.recurrentWeights[0]
            if let skip = cell as? SkipRNN, skip.weightHH == nil { return ("W_skip", weight) }
            return ("W_hh", weight)
        }
        if !variantCells.isEmpty { return ("W_hh", variantCells[layer][0].weightHH) }
        return ("W_hh", cells[layer][0].weightHH)
    }
}
