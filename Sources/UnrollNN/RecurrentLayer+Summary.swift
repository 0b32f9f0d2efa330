import UnrollAutograd

extension RecurrentLayer {
    /// The last layer's final hidden state of each direction, joined: `(N, D·H)`. For the reverse direction
    /// this is its state after reading the first step, so the summary has seen the whole sequence both ways.
    public func summary(of state: State, batch: Int) -> Variable {
        let size = batch * hiddenSize
        let last = (layerCount - 1) * directionCount
        let parts = (0..<directionCount).map { d in
            state.h.flatSlice(offset: (last + d) * size, shape: [batch, hiddenSize])
        }
        return parts.count == 1 ? parts[0] : Variable.concat(parts, axis: 1)
    }
}
