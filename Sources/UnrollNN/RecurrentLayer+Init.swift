import UnrollTensor

extension RecurrentLayer {
    /// Re-initialises every cell's `W_hh` as `scheme` says (see `RecurrentInit`) and then, when `spectralRadius`
    /// is given, scales each gate's `H×H` block so that its spectral radius is that value (`SpectralRadius`;
    /// a block whose radius is 0 is left as it is). Cells are visited layer by layer, forward direction first,
    /// gates in PyTorch's order, so the generator's draws (orthogonal only) are the same on every machine.
    /// The uniform scheme without a radius changes nothing and draws nothing.
    public func initializeRecurrentWeights(_ scheme: RecurrentInit, spectralRadius: Double?, rng: inout RandomGenerator) {
        for cell in cells.joined() { cell.initializeRecurrentWeights(scheme, spectralRadius: spectralRadius, rng: &rng) }
    }
}

extension RecurrentCell {
    /// Re-initialises this cell's `W_hh` as `RecurrentLayer.initializeRecurrentWeights` describes.
    public func initializeRecurrentWeights(_ scheme: RecurrentInit, spectralRadius: Double?, rng: inout RandomGenerator) {
        let h = hiddenSize, gates = kind.gateCount
        switch scheme {
        case .uniform:
            break
        case .orthogonal:
            for g in 0..<gates { weightHH.value.setBlock(g, size: h, to: OrthogonalMatrix.random(h, rng: &rng)) }
        case .identity:
            var identity = [Double](repeating: 0, count: h * h)
            for i in 0..<h { identity[i * h + i] = 1 }
            for g in 0..<gates { weightHH.value.setBlock(g, size: h, to: identity) }
            biasIH.value = Tensor(zeros: biasIH.shape)
            biasHH.value = Tensor(zeros: biasHH.shape)
        }
        guard let radius = spectralRadius else { return }
        for g in 0..<gates {
            let block = weightHH.value.block(g, size: h)
            let current = SpectralRadius.estimate(of: block, size: h)
            guard current > 0, current.isFinite else { continue }
            let factor = radius / current
            weightHH.value.setBlock(g, size: h, to: block.map { $0 * factor })
        }
    }
}

extension Tensor {
    /// Gate block `g` of a `(G·H, H)` weight: rows `g·H ..< (g+1)·H`, as `Double`s.
    fileprivate func block(_ g: Int, size h: Int) -> [Double] {
        withUnsafeBufferPointer { w in (0..<(h * h)).map { Double(w[g * h * h + $0]) } }
    }

    /// Sets gate block `g` of a `(G·H, H)` weight to `values` (row-major `H×H`), rounded to `Float`.
    fileprivate mutating func setBlock(_ g: Int, size h: Int, to values: [Double]) {
        withUnsafeMutableBufferPointer { w in
            for i in 0..<(h * h) { w[g * h * h + i] = Float(values[i]) }
        }
    }
}
