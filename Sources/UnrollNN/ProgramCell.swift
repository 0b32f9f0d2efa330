import UnrollAutograd
import UnrollTensor

/// One direction of one layer of a user-written cell: its `CellProgram` stepped over time on the tape.
///
/// Each instruction is one tape op (`MatMul`, `Arithmetic`, `Division`, `Activations`, `Softmax`, `Joining`,
/// `FeatureSlice`, `RowBroadcast`), so gradients come from the ops' own backward passes. `CellProgramPlan` runs
/// what reads no state once over all steps and stacks the products that share an operand; neither changes a bit.
/// Padded steps are skipped as the fused kernels skip them (`Variable.stateUpdate`: state carried, output `+0`).
public final class ProgramCell: Parameterized {
    /// The program this cell runs.
    public let program: CellProgram
    /// The parameters, one per entry of `program.parameters`, in that order.
    public let weights: [Variable]
    /// Where each instruction runs.
    let plan: CellProgramPlan

    /// A cell with fresh parameters drawn in declaration order (each by its initialiser). `program` must have
    /// validated (`CellProgram.validate()`).
    public init(program: CellProgram, rng: inout RandomGenerator) {
        self.program = program
        weights = program.parameters.map { p in
            Variable(p.initializer.draw(p.shape, hidden: program.hidden, rng: &rng), requiresGrad: true)
        }
        plan = CellProgramPlan(program)
    }

    /// The number of input features `F`.
    public var inputSize: Int { program.inputWidth }
    /// The hidden size `H`.
    public var hiddenSize: Int { program.hidden }

    public var namedParameters: [(name: String, variable: Variable)] {
        zip(program.parameters, weights).map { ($0.name, $1) }
    }

    /// Runs over `input` `(N, T, F)` from `states` (each `(N, width)`, `program.stateWidths`), forwards or
    /// (`reverse`) backwards in time. A sequence of length `L` takes no step at `t ≥ L`: its states are carried and
    /// its output is zero. Returns the output `(N, T, H)` and the final states, each at the sequence's own last step.
    public func run(_ input: Variable, states initial: [Variable], lengths: [Int]?, reverse: Bool)
        -> (output: Variable, states: [Variable]) {
        precondition(input.value.rank == 3 && input.shape[2] == inputSize,
                     "program cell: input \(input.shape), expected (N, T, \(inputSize))")
        let n = input.shape[0], steps = input.shape[1]
        precondition(initial.count == program.stateWidths.count
                     && zip(initial, program.stateWidths).allSatisfy { $0.shape == [n, $1] },
                     "program cell: states \(initial.map(\.shape)) for widths \(program.stateWidths) and a batch of \(n)")
        let lens = lengths ?? [Int](repeating: steps, count: n)
        precondition(lens.count == n && lens.allSatisfy { $0 >= 0 && $0 <= steps },
                     "program cell: lengths \(lens) for a batch of \(n) sequences of \(steps) steps")
        guard steps > 0 else { return (Variable(Tensor(zeros: [n, 0, hiddenSize])), initial) }
        let stacked = plan.groups.map { group in Variable.concat(group.map { weights[matrix(of: $0)] }, axis: 0) }

        // Once per run: what reads no state, over all T·N rows (time-major), and the fixed values of the steps.
        let count = program.instructions.count
        let sequence = Frame(rows: n * steps, count: count)
        if plan.places.contains(.sequence) {
            let x = input.timeMajor().reshaped([steps * n, inputSize])
            for i in program.instructions.indices
            where plan.places[i] == .sequence || (plan.places[i] == .fixed && plan.fixedNeeded[.sequence]![i]) {
                sequence.values[i] = evaluate(i, in: sequence, stacked: stacked) { j in
                    if case .input = self.program.instructions[j].op { return x }
                    preconditionFailure("program cell: instruction \(j) read before it was computed")
                }
            }
        }
        let fixed = Frame(rows: n, count: count)
        for i in program.instructions.indices where plan.places[i] == .fixed && plan.fixedNeeded[.step]![i] {
            fixed.values[i] = evaluate(i, in: fixed, stacked: stacked) { j in
                preconditionFailure("program cell: instruction \(j) read before it was computed")
            }
        }

        var states = initial
        var outputs = [Variable?](repeating: nil, count: steps)
        let zeros = Variable(Tensor(zeros: [n, hiddenSize]))
        for s in 0..<steps {
            let t = reverse ? steps - 1 - s : s
            let frame = Frame(rows: n, count: count)
            let current = states
            func outer(_ j: Int) -> Variable {
                switch plan.places[j] {
                case .fixed: return fixed.values[j]!
                case .sequence:
                    let w = program.instructions[j].width
                    return sequence.values[j]!.flatSlice(offset: t * n * w, shape: [n, w])
                case .step:
                    guard case .state(let k) = program.instructions[j].op else {
                        preconditionFailure("program cell: instruction \(j) read before it was computed")
                    }
                    return current[k]
                }
            }
            for i in program.instructions.indices where plan.places[i] == .step {
                if case .state(let k) = program.instructions[i].op { frame.values[i] = current[k]; continue }
                frame.values[i] = evaluate(i, in: frame, stacked: stacked, outer: outer)
            }
            func result(_ j: Int) -> Variable { frame.values[j] ?? outer(j) }
            let active = lens.map { t < $0 }, allActive = !active.contains(false)
            for k in states.indices {
                let candidate = result(program.newStates[k])
                states[k] = allActive ? candidate
                    : Variable.stateUpdate(previous: current[k], candidate: candidate, alpha: nil, active: active)
            }
            let out = result(program.output)
            // Past its end a sequence's output is +0 exactly, as the fused kernel writes it.
            outputs[t] = allActive ? out : Variable.stateUpdate(previous: zeros, candidate: out, alpha: nil, active: active)
        }
        return (Variable.stack(outputs.map { $0! }, axis: 1), states)
    }

    /// The values computed so far at one place, and the stacked products already run there.
    final class Frame {
        /// The number of rows of every value (`N`, or `T·N` for the whole sequence).
        let rows: Int
        /// The values by instruction (nil: not computed here).
        var values: [Variable?]
        /// Each group's pieces, once its stacked product ran.
        var pieces: [Int: [Variable]] = [:]

        init(rows: Int, count: Int) {
            self.rows = rows
            values = [Variable?](repeating: nil, count: count)
        }
    }

    /// The parameter that product or vector parameter `i` reads.
    private func matrix(of i: Int) -> Int {
        switch program.instructions[i].op {
        case .matmul(let p, _), .parameter(let p): return p
        default: preconditionFailure("program cell: instruction \(i) reads no parameter")
        }
    }

    /// Computes instruction `i` in `frame`; operands not in the frame come from `outer`.
    private func evaluate(_ i: Int, in frame: Frame, stacked: [Variable], outer: (Int) -> Variable) -> Variable {
        let rows = frame.rows
        func value(_ j: Int) -> Variable { frame.values[j] ?? outer(j) }
        /// A value that broadcasts (a width-1 constant) as `width` columns.
        func widened(_ j: Int, to width: Int) -> Variable {
            let v = value(j)
            guard v.shape[1] != width, case .constant(let c) = program.instructions[j].op else { return v }
            return Variable(Tensor(shape: [rows, width], repeating: c))
        }
        let instruction = program.instructions[i], width = instruction.width
        switch instruction.op {
        case .input, .state:
            return outer(i)
        case .parameter(let p):
            return weights[p].repeatedRows(rows)
        case .constant(let c):
            return Variable(Tensor(shape: [rows, width], repeating: c))
        case .matmul(let p, let v):
            guard let (g, m) = plan.groupOf[i] else { return Variable.matmul(value(v), weights[p], transposeB: true) }
            if frame.pieces[g] == nil {
                let product = Variable.matmul(value(v), stacked[g], transposeB: true)
                var start = 0
                frame.pieces[g] = plan.groups[g].map { k in
                    let w = program.instructions[k].width
                    defer { start += w }
                    return product.columns(start, start + w)
                }
            }
            return frame.pieces[g]![m]
        case .add(let a, let b):
            if let p = plan.rowVectorOperand(of: i) {
                return value(p == b ? a : b).addingRowVector(weights[matrix(of: p)])
            }
            return widened(a, to: width) + widened(b, to: width)
        case .sub(let a, let b): return widened(a, to: width) - widened(b, to: width)
        case .mul(let a, let b): return widened(a, to: width) * widened(b, to: width)
        case .div(let a, let b): return widened(a, to: width) / widened(b, to: width)
        case .neg(let a): return -value(a)
        case .sigmoid(let a): return value(a).sigmoid()
        case .tanh(let a): return value(a).tanh()
        case .relu(let a): return value(a).relu()
        case .exp(let a): return value(a).exp()
        case .log(let a): return value(a).log()
        case .softmax(let a): return value(a).softmax()
        case .concat(let parts): return parts.count == 1 ? value(parts[0]) : Variable.concat(parts.map(value), axis: 1)
        case .slice(let a, let start, let end):
            let v = value(a)
            return start == 0 && end == v.shape[1] ? v : v.columns(start, end)
        }
    }
}
