import UnrollTensor

extension RecurrentCell {
    /// One step of one sequence with every gate kept: the new `h`, the new `c` (LSTM) and the activated gates.
    public struct GateStep: Sendable {
        /// The new hidden state `(H)`.
        public var h: [Float]
        /// The new cell state `(H)` (LSTM only).
        public var c: [Float]?
        /// The activated gates `(G·H)` in PyTorch's order: `i f g o` (LSTM), `r z n` (GRU), `h'` (RNN).
        public var gates: [Float]
    }

    /// Advances one sequence one step outside the tape and keeps the gates: `x` `(F)`, `h` `(H)`, `c` `(H)`.
    ///
    /// The arithmetic is the fused kernel's, element for element (the numerics contract: one fused-multiply-add
    /// chain over `h` then `x` from +0, then `b_ih + b_hh`; GRU's input product is a chain of its own added after
    /// the bias, its `n` block `W_in x + b_in + r (W_hn h + b_hn)`; `FastMath`'s sigmoid and tanh), so the
    /// states it gives are the layer's bit for bit.
    public func stepWithGates(x: [Float], h: [Float], c: [Float]?) -> GateStep {
        let hs = hiddenSize, features = inputSize, gh = kind.gateCount * hs
        precondition(x.count == features && h.count == hs, "recurrent cell: step of \(x.count) inputs and \(h.count) states")
        precondition((c != nil) == kind.hasCellState, "recurrent cell: an LSTM step needs c, and only an LSTM step")
        var pre = [Float](repeating: 0, count: gh)
        var hiddenProduct = [Float](repeating: 0, count: gh)   // GRU: W_hn h + b_hn before r scales it
        weightIH.value.withUnsafeBufferPointer { wx in
        weightHH.value.withUnsafeBufferPointer { wh in
        biasIH.value.withUnsafeBufferPointer { bx in
        biasHH.value.withUnsafeBufferPointer { bh in
        x.withUnsafeBufferPointer { xv in
        h.withUnsafeBufferPointer { hv in
        pre.withUnsafeMutableBufferPointer { out in
        hiddenProduct.withUnsafeMutableBufferPointer { hn in
            for j in 0..<gh {
                var acc: Float = 0
                let rowH = j * hs, rowX = j * features
                for k in 0..<hs { acc = acc.addingProduct(hv[k], wh[rowH + k]) }
                if kind == .gru {
                    var input: Float = 0
                    for k in 0..<features { input = input.addingProduct(xv[k], wx[rowX + k]) }
                    if j < 2 * hs {
                        out[j] = (acc + (bx[j] + bh[j])) + input
                    } else {
                        hn[j] = acc + bh[j]
                        out[j] = input + bx[j]
                    }
                } else {
                    for k in 0..<features { acc = acc.addingProduct(xv[k], wx[rowX + k]) }
                    out[j] = acc + (bx[j] + bh[j])
                }
            }
        }}}}}}}}
        switch kind {
        case .rnnTanh, .rnnRelu:
            let next = pre.map { kind == .rnnTanh ? FastMath.tanh($0) : max($0, 0) }
            return GateStep(h: next, c: nil, gates: next)
        case .lstm:
            let previous = c!
            var gates = pre
            var cell = [Float](repeating: 0, count: hs), next = [Float](repeating: 0, count: hs)
            for j in 0..<hs {
                let i = FastMath.sigmoid(pre[j]), f = FastMath.sigmoid(pre[hs + j])
                let g = FastMath.tanh(pre[2 * hs + j]), o = FastMath.sigmoid(pre[3 * hs + j])
                cell[j] = f * previous[j] + i * g
                next[j] = o * FastMath.tanh(cell[j])
                gates[j] = i; gates[hs + j] = f; gates[2 * hs + j] = g; gates[3 * hs + j] = o
            }
            return GateStep(h: next, c: cell, gates: gates)
        case .gru:
            var gates = pre
            var next = [Float](repeating: 0, count: hs)
            for j in 0..<hs {
                let r = FastMath.sigmoid(pre[j]), z = FastMath.sigmoid(pre[hs + j])
                let n = FastMath.tanh(pre[2 * hs + j] + r * hiddenProduct[2 * hs + j])
                next[j] = n + z * (h[j] - n)
                gates[j] = r; gates[hs + j] = z; gates[2 * hs + j] = n
            }
            return GateStep(h: next, c: nil, gates: gates)
        }
    }
}
