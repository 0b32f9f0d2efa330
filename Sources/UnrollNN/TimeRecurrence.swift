import UnrollAutograd
import UnrollTensor

/// One direction of one layer whose state reaches across time in a way the fused kernels do not compute
/// (`LeakyRNN`, `SkipRNN`): it runs on the tape, one step after another.
public protocol TimeRecurrence: Parameterized {
    /// The number of input features `F`.
    var inputSize: Int { get }
    /// The hidden size `H`.
    var hiddenSize: Int { get }
    /// The `H×H` recurrent matrices, which `init:` and `spectral_radius:` set: `W_hh` (when there is one), `W_skip`.
    var recurrentWeights: [Variable] { get }
    /// The biases `b_ih`, `b_hh`, which the identity initialisation zeroes.
    var biases: [Variable] { get }
    /// Runs over `input` `(N, T, F)` from `h0` `(N, H)`; returns the output `(N, T, H)` (zero past each sequence's
    /// length) and the final state `(N, H)`, taken at each sequence's own last step.
    func run(_ input: Variable, h0: Variable, lengths: [Int]?, reverse: Bool) -> (output: Variable, hidden: Variable)
    /// The state after each step, `[h_1, …, h_T]`, each `(N, H)`, of a forward run over `inputs` (step `t`'s `(N, F)`)
    /// from `h0` with every row active: the same ops as `run`, kept apart so that their gradients can be read.
    /// `recurrentWeight(t)` may stand in for the first of `recurrentWeights` at step `t` (a copy of the same value,
    /// whose gradient is then that step's term alone).
    func unrolledStates(_ inputs: [Variable], h0: Variable, recurrentWeight: (_ step: Int) -> Variable?) -> [Variable]
}

/// The time loop the tape-run layers share: steps in reading order, padded steps skipped as the fused kernel skips
/// them, and the states kept so that a step can reach back further than one.
enum TimeLoop {
    /// Unrolls `step` over `input` `(N, T, F)` from `h0`.
    ///
    /// `step(x_t, states)` gives the candidate state of one step from its input `(N, F)` and the states so far in
    /// reading order (`states[0]` is `h0`, `states[s]` the state after `s` steps); the new state is then
    /// `Variable.stateUpdate` of it with `alpha`. A sequence of length `L` takes no step at `t ≥ L`: its state is
    /// carried and its output is zero, so the reverse direction starts at its own end, `L − 1`.
    static func run(_ input: Variable, h0: Variable, lengths: [Int]?, reverse: Bool, alpha: Variable?,
                    step: (_ x: Variable, _ states: [Variable]) -> Variable) -> (output: Variable, hidden: Variable) {
        precondition(input.value.rank == 3, "time loop: input \(input.shape), expected (N, T, F)")
        let n = input.shape[0], steps = input.shape[1], features = input.shape[2], hidden = h0.shape[1]
        precondition(h0.shape == [n, hidden], "time loop: h0 \(h0.shape) for a batch of \(n)")
        let lens = lengths ?? [Int](repeating: steps, count: n)
        precondition(lens.count == n && lens.allSatisfy { $0 >= 0 && $0 <= steps },
                     "time loop: lengths \(lens) for a batch of \(n) sequences of \(steps) steps")
        let byStep = input.timeMajor()
        var states = [h0]
        states.reserveCapacity(steps + 1)
        var outputs = [Variable?](repeating: nil, count: steps)
        let zeros = Variable(Tensor(zeros: [n, hidden]))
        for s in 0..<steps {
            let t = reverse ? steps - 1 - s : s
            let x = byStep.flatSlice(offset: t * n * features, shape: [n, features])
            let active = lens.map { t < $0 }
            let allActive = !active.contains(false)
            let state = Variable.stateUpdate(previous: states[s], candidate: step(x, states), alpha: alpha,
                                             active: allActive ? nil : active)
            states.append(state)
            // Past its end a sequence's output is +0 exactly, as the fused kernel writes it.
            outputs[t] = allActive ? state : Variable.stateUpdate(previous: zeros, candidate: state, alpha: nil, active: active)
        }
        guard steps > 0 else { return (Variable(Tensor(zeros: [n, 0, hidden])), h0) }
        return (Variable.stack(outputs.map { $0! }, axis: 1), states[steps])
    }

    /// Unrolls `step` forwards over `inputs` (one `(N, F)` per step) from `h0` with every row active, as `run` does
    /// for a batch without padding, and returns the states after each step, `[h_1, …, h_T]`.
    ///
    /// `step(x_t, states, t)` is `run`'s step with the step's index, so a caller can give one step its own weights.
    static func states(_ inputs: [Variable], h0: Variable, alpha: Variable?,
                       step: (_ x: Variable, _ states: [Variable], _ t: Int) -> Variable) -> [Variable] {
        var states = [h0]
        states.reserveCapacity(inputs.count + 1)
        for (t, x) in inputs.enumerated() {
            precondition(x.shape == [h0.shape[0], x.shape[1]], "time loop: step \(t) input \(x.shape) for h0 \(h0.shape)")
            states.append(Variable.stateUpdate(previous: states[t], candidate: step(x, states, t), alpha: alpha, active: nil))
        }
        return Array(states.dropFirst())
    }
}
