import UnrollTensor

/// An echo state network (Jaeger 2001; Goodfellow et al. §10.8): a fixed sparse random reservoir driven by the
/// input, and a linear readout of `[1; u(t); x(t)]` solved in closed form by ridge regression.
///
/// The state follows `x(t) = (1 − a)·x(t−1) + a·tanh(W·x(t−1) + W_in·u(t) + b)` from `x(0) = 0` for every
/// sequence, with leak rate `a`. `W·x` is one fused multiply-add chain per unit in increasing column order, then
/// the input weights' chain goes on in feature order, then the bias is added; `tanh` is the project's own; the
/// readout sums in Double in feature order. Nothing depends on the machine or the thread count.
public final class EchoStateNetwork {
    /// One sequence for the readout: `steps × inputs` values, and `steps × outputs` targets (per step) or
    /// `outputs` targets (one per sequence).
    public typealias TrainingSequence = (inputs: [Float], steps: Int, targets: [Float])

    /// The sizes and scalings it was built with.
    public let spec: EchoStateSpec
    /// The fixed recurrent weights.
    public let reservoir: SparseReservoir
    /// The fixed input weights, `reservoir × (1 + inputs)` row-major; column 0 is the bias.
    public let inputWeights: [Float]
    /// The readout, `outputs × (1 + inputs + reservoir)` row-major; nil until the first fit.
    public private(set) var readout: [Double]?
    /// Whether the readout was fitted to a target per step (else one per sequence, from the final state).
    public private(set) var perStep = true
    /// The steps at the start of each sequence that the latest fit left out (the reservoir's initial transient).
    public private(set) var washout = 0

    /// Draws the reservoir, then the input weights, from `rng`; `checkpoint` is called while the spectral radius
    /// is computed.
    public init(_ spec: EchoStateSpec, rng: inout RandomGenerator, checkpoint: () throws -> Void = {}) throws {
        self.spec = spec
        reservoir = try SparseReservoir(size: spec.reservoir, density: spec.density, spectralRadius: spec.spectralRadius,
                                        rng: &rng, checkpoint: checkpoint)
        let scale = Float(spec.inputScale)
        inputWeights = (0..<(spec.reservoir * (1 + spec.inputs))).map { _ in rng.uniform(-scale, scale) }
    }

    /// The reservoir states after each step, `steps × reservoir` row-major, for `steps × inputs` inputs.
    public func states(inputs: [Float], steps: Int) -> [Float] {
        precondition(inputs.count == steps * spec.inputs, "echo state: \(inputs.count) inputs for \(steps) steps")
        let n = spec.reservoir
        var out = [Float](repeating: 0, count: steps * n)
        var state = [Float](repeating: 0, count: n)
        out.withUnsafeMutableBufferPointer { out in
            inputs.withUnsafeBufferPointer { u in
                for t in 0..<steps {
                    advance(&state, input: u.baseAddress! + t * spec.inputs)
                    state.withUnsafeBufferPointer { (out.baseAddress! + t * n).update(from: $0.baseAddress!, count: n) }
                }
            }
        }
        return out
    }

    /// One step of the reservoir: `state` becomes `x(t)` from `x(t−1)` and the `inputs` values at `input`.
    func advance(_ state: inout [Float], input: UnsafePointer<Float>) {
        let n = spec.reservoir, width = 1 + spec.inputs
        let a = Float(spec.leak), keep = 1 - a
        var pre = [Float](repeating: 0, count: n)
        state.withUnsafeMutableBufferPointer { x in
            pre.withUnsafeMutableBufferPointer { pre in
                inputWeights.withUnsafeBufferPointer { win in
                    reservoir.product(x.baseAddress!, into: pre.baseAddress!)
                    for i in 0..<n {
                        var acc = pre[i]
                        for f in 0..<spec.inputs { acc = acc.addingProduct(win[i * width + 1 + f], input[f]) }
                        pre[i] = acc + win[i * width]
                    }
                    FastMath.Function.tanh.apply(pre.baseAddress!, pre.baseAddress!, count: n)
                    if a == 1 {
                        x.baseAddress!.update(from: pre.baseAddress!, count: n)
                    } else {
                        for i in 0..<n { x[i] = keep * x[i] + a * pre[i] }
                    }
                }
            }
        }
    }

    /// Fits the readout by ridge regression (`RidgeRegression`) on every step at or after `washout` of each
    /// sequence (per-step targets), or on each sequence's final state (one target per sequence; no washout);
    /// `checkpoint` is called per sequence and per column of the solve.
    public func fit(_ sequences: [TrainingSequence], perStep: Bool, ridge: Double, washout: Int,
                    checkpoint: () throws -> Void = {}) throws {
        let f = spec.featureCount, o = spec.outputs
        var x: [Double] = [], y: [Double] = []
        for sequence in sequences {
            try checkpoint()
            let states = self.states(inputs: sequence.inputs, steps: sequence.steps)
            let rows = perStep ? Array(washout..<sequence.steps) : [sequence.steps - 1]
            for t in rows {
                appendFeatures(&x, inputs: sequence.inputs, states: states, step: t)
                let base = perStep ? t * o : 0
                for k in 0..<o { y.append(Double(sequence.targets[base + k])) }
            }
        }
        let rows = y.count / o
        guard rows > 0 else { throw EchoStateError("no steps are left after a washout of \(washout) steps to fit the readout") }
        readout = try RidgeRegression.solve(x: x, y: y, rows: rows, features: f, outputs: o, lambda: ridge,
                                            checkpoint: checkpoint)
        self.perStep = perStep
        self.washout = perStep ? washout : 0
    }

    /// The readout's outputs for a sequence: `steps × outputs` (per step) or `outputs` (per sequence).
    public func predict(inputs: [Float], steps: Int) -> [Float] {
        let states = self.states(inputs: inputs, steps: steps)
        var features: [Double] = []
        var out: [Float] = []
        for t in perStep ? Array(0..<steps) : [steps - 1] {
            features.removeAll(keepingCapacity: true)
            appendFeatures(&features, inputs: inputs, states: states, step: t)
            out += output(features)
        }
        return out
    }

    /// Free-running (generative) prediction: drives the reservoir with the `warmup` steps of true inputs, then
    /// feeds each output back as the next input for `steps` steps; returns the `steps × outputs` outputs, the first
    /// being the prediction that follows the last warm-up input. Needs `inputs == outputs` and a per-step readout.
    public func forecast(warmup inputs: [Float], warmupSteps: Int, steps: Int,
                         checkpoint: () throws -> Void = {}) rethrows -> [Float] {
        precondition(spec.inputs == spec.outputs && perStep && warmupSteps > 0, "forecast: needs a per-step readout of its inputs")
        var state = [Float](repeating: 0, count: spec.reservoir)
        inputs.withUnsafeBufferPointer { u in
            for t in 0..<warmupSteps { advance(&state, input: u.baseAddress! + t * spec.inputs) }
        }
        var input = Array(inputs[((warmupSteps - 1) * spec.inputs)..<(warmupSteps * spec.inputs)])
        var out: [Float] = [], features: [Double] = []
        for step in 0..<steps {
            try checkpoint()
            if step > 0 { input.withUnsafeBufferPointer { advance(&state, input: $0.baseAddress!) } }
            features = [1] + input.map(Double.init) + state.map(Double.init)
            input = output(features)
            out += input
        }
        return out
    }

    /// The number of trained numbers: the readout's weights.
    public var readoutWeightCount: Int { spec.outputs * spec.featureCount }

    /// Appends `[1; u(t); x(t)]` as Doubles.
    private func appendFeatures(_ into: inout [Double], inputs: [Float], states: [Float], step t: Int) {
        into.append(1)
        for f in 0..<spec.inputs { into.append(Double(inputs[t * spec.inputs + f])) }
        let n = spec.reservoir
        for i in 0..<n { into.append(Double(states[t * n + i])) }
    }

    /// The readout of one feature vector, summed in Double in feature order.
    private func output(_ features: [Double]) -> [Float] {
        guard let readout else { preconditionFailure("echo state: the readout is not fitted") }
        let f = spec.featureCount
        return (0..<spec.outputs).map { k in
            var sum = 0.0
            for j in 0..<f { sum += readout[k * f + j] * features[j] }
            return Float(sum)
        }
    }
}
