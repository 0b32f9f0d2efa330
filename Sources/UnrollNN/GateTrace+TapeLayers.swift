import UnrollTensor

/// The gate traces of the layers that run on the tape (LSTM variants, leaky units, skip connections), in plain
/// Swift that repeats their tape ops element for element under the numerics contract, so the states they give are
/// the layer's bit for bit.
///
/// A product `x · Wᵀ` on the tape is, per output element, one fused-multiply-add chain over `x` in index order from
/// +0 (rule 1), and a product of joined inputs `[a | b] · [W_a | W_b]ᵀ` one chain over `a` then `b`; biases and the
/// other terms are added after it in the order the ops add them; `sigmoid` and `tanh` are `FastMath`'s.
extension GateTrace {
    /// One chain `Σ_k v[k]·w[row·v.count + k]` from `acc`, `k` increasing: row `row` of `w` (row-major, `v.count`
    /// columns) times `v`.
    private static func chain(_ v: [Float], _ w: [Float], row: Int, from acc: Float = 0) -> Float {
        var acc = acc
        let start = row * v.count
        for k in v.indices { acc = acc.addingProduct(v[k], w[start + k]) }
        return acc
    }

    /// The name and symbol of a variant's gate, as the LSTM's tracks name them.
    private static func name(of gate: LSTMVariant.Gate) -> (name: String, symbol: String) {
        switch gate {
        case .input: return ("input gate", "i")
        case .forget: return ("forget gate", "f")
        case .candidate: return ("cell candidate", "g")
        case .output: return ("output gate", "o")
        }
    }

    /// The trace of one LSTM variant cell over `inputs`, forwards (`direction` 0) or backwards in time: the gates the
    /// variant has (in its stacked order), the cell state and the hidden state (`VariantLSTMCell.step`'s arithmetic).
    static func variantTrace(_ cell: VariantLSTMCell, inputs: [[Float]], layer: Int, direction: Int) -> GateTrace {
        let steps = inputs.count, hs = cell.hiddenSize, variant = cell.variant, gates = variant.gates
        let wx = cell.weightIH.value.scalars, wh = cell.weightHH.value.scalars
        let bx = cell.biasIH.value.scalars, bh = cell.biasHH.value.scalars
        let peep = cell.peepholes.map { ($0.input.value.scalars, $0.forget.value.scalars, $0.output.value.scalars) }
        var h = [Float](repeating: 0, count: hs), c = [Float](repeating: 0, count: hs)
        var gateValues = [[[Float]]](repeating: [[Float]](repeating: [], count: steps), count: gates.count)
        var cells = [[Float]](repeating: [], count: steps), hiddens = [[Float]](repeating: [], count: steps)
        for s in 0..<steps {
            let t = direction == 1 ? steps - 1 - s : s
            // `x·W_ihᵀ + b_ih` plus `h·W_hhᵀ + b_hh`, as two products and two bias additions.
            let pre = (0..<(gates.count * hs)).map { j in (chain(inputs[t], wx, row: j) + bx[j]) + (chain(h, wh, row: j) + bh[j]) }
            func block(_ gate: LSTMVariant.Gate) -> [Float]? {
                gates.firstIndex(of: gate).map { Array(pre[($0 * hs)..<(($0 + 1) * hs)]) }
            }
            /// `a + state ⊙ (0 + p)`: the peephole term as the tape adds it (the weight broadcast onto zeros).
            func peeped(_ a: [Float], _ p: [Float]?, _ state: [Float]) -> [Float] {
                guard let p else { return a }
                return (0..<hs).map { a[$0] + state[$0] * (0 + p[$0]) }
            }
            let i = peeped(block(.input)!, peep?.0, c).map(FastMath.sigmoid)
            let g = block(.candidate)!.map(FastMath.tanh)
            var f: [Float]?
            let kept: [Float]
            switch variant {
            case .coupled: kept = (0..<hs).map { (i[$0] * -1 + 1) * c[$0] }
            case .noForget: kept = c
            case .standard, .peephole, .noOutput:
                let forget = peeped(block(.forget)!, peep?.1, c).map(FastMath.sigmoid)
                f = forget
                kept = (0..<hs).map { forget[$0] * c[$0] }
            }
            let cNew = (0..<hs).map { kept[$0] + i[$0] * g[$0] }
            var o: [Float]?
            if let oPre = block(.output) {
                let output = peeped(oPre, peep?.2, cNew).map(FastMath.sigmoid)
                o = output
                h = (0..<hs).map { output[$0] * FastMath.tanh(cNew[$0]) }
            } else {
                h = cNew.map(FastMath.tanh)
            }
            c = cNew
            for (k, gate) in gates.enumerated() {
                switch gate {
                case .input: gateValues[k][t] = i
                case .forget: gateValues[k][t] = f!
                case .candidate: gateValues[k][t] = g
                case .output: gateValues[k][t] = o!
                }
            }
            cells[t] = cNew
            hiddens[t] = h
        }
        var tracks = gates.enumerated().map { k, gate in Track(name: name(of: gate).name, symbol: name(of: gate).symbol, values: gateValues[k]) }
        tracks.append(Track(name: "cell state", symbol: "c", values: cells))
        tracks.append(Track(name: "hidden state", symbol: "h", values: hiddens))
        return GateTrace(layer: layer, direction: direction, tracks: tracks)
    }

    /// The trace of one leaky or skip layer over `inputs`, forwards (`direction` 0) or backwards in time: a leaky
    /// layer's candidate `h̃`, its state and its rates; a skip layer's state (`LeakyRNN.run`'s and `SkipRNN.run`'s
    /// arithmetic; the states are kept in reading order, so `h_{t−d}` is `d` steps back in the direction of reading).
    static func timeTrace(_ cell: any TimeRecurrence, inputs: [[Float]], layer: Int, direction: Int) -> GateTrace {
        let steps = inputs.count, hs = cell.hiddenSize
        let bias = zip(cell.biases[0].value.scalars, cell.biases[1].value.scalars).map { $0 + $1 }
        var states = [[Float](repeating: 0, count: hs)]
        var candidates = [[Float]](repeating: [], count: steps), hiddens = [[Float]](repeating: [], count: steps)
        let leaky = cell as? LeakyRNN, skip = cell as? SkipRNN
        precondition(leaky != nil || skip != nil, "gate trace: no trace for a \(type(of: cell))")
        let rates: [Float]? = leaky.map { $0.learned ? $0.alpha.value.scalars.map(FastMath.sigmoid) : $0.alpha.value.scalars }
        // The joined recurrent and input weights, one row per unit: `[W_hh | W_ih]` or `[W_hh | W_skip | W_ih]`.
        let matrices = cell.recurrentWeights.map { $0.value.scalars } + [(leaky?.weightIH ?? skip!.weightIH).value.scalars]
        let widths = cell.recurrentWeights.map { _ in hs } + [cell.inputSize]
        let joined = (0..<hs).flatMap { j in zip(matrices, widths).flatMap { m, w in m[(j * w)..<((j + 1) * w)] } }
        for s in 0..<steps {
            let t = direction == 1 ? steps - 1 - s : s
            var reads = [states[s]]
            if let skip {
                let back = states[max(0, s + 1 - skip.connection.distance)]
                reads = (skip.weightHH == nil ? [] : [states[s]]) + [back]
            }
            let v = reads.flatMap { $0 } + inputs[t]
            let z = (0..<hs).map { chain(v, joined, row: $0) + bias[$0] }
            let next: [Float]
            if let rates {
                let candidate = z.map(FastMath.tanh)
                candidates[t] = candidate
                next = (0..<hs).map { (1 - rates[$0]) * states[s][$0] + rates[$0] * candidate[$0] }
            } else {
                next = skip!.usesTanh ? z.map(FastMath.tanh) : z.map { max(0, $0) }
            }
            states.append(next)
            hiddens[t] = next
        }
        var tracks: [Track] = []
        if rates != nil { tracks.append(Track(name: "candidate state", symbol: "h̃", values: candidates)) }
        tracks.append(Track(name: "hidden state", symbol: "h", values: hiddens))
        return GateTrace(layer: layer, direction: direction, tracks: tracks, rates: rates)
    }
}
