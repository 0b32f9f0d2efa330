import UnrollDiagnostics
import UnrollLanguage
import UnrollNN

extension CellPlan {
    /// The model library's program for these sizes (`hidden`, `input` and the header's others): every width
    /// evaluated; a width that is not positive or a slice beyond its value's features is an error at the
    /// expression it comes from.
    func program(sizes: [String: Int]) throws -> CellProgram {
        func value(_ size: CellSize, of what: String, at range: SourceRange) throws -> Int {
            guard let n = size.value(sizes), n >= 1 else {
                throw RuntimeError(CellMessage.sizeNotPositive(what: what, width: size.shown(sizes)), at: range)
            }
            return n
        }
        let parameters = try self.parameters.map { p in
            CellProgram.Parameter(
                name: p.name,
                shape: try p.shape.map { try value($0, of: "'\(p.name)'", at: SourceRange(start: p.location, length: p.name.count)) },
                initializer: p.initializer.library)
        }
        var instructions: [CellProgram.Instruction] = []
        for instruction in self.instructions {
            let width = try value(instruction.width, of: "this value", at: instruction.range)
            let op: CellOp
            switch instruction.op {
            case .input: op = .input
            case .state(let s): op = .state(s)
            case .parameter(let p): op = .parameter(p)
            case .constant(let x): op = .constant(Float(x))
            case .matmul(let p, let v): op = .matmul(parameter: p, operand: v)
            case .add(let a, let b): op = .add(a, b)
            case .sub(let a, let b): op = .sub(a, b)
            case .mul(let a, let b): op = .mul(a, b)
            case .div(let a, let b): op = .div(a, b)
            case .neg(let a): op = .neg(a)
            case .sigmoid(let a): op = .sigmoid(a)
            case .tanh(let a): op = .tanh(a)
            case .relu(let a): op = .relu(a)
            case .exp(let a): op = .exp(a)
            case .log(let a): op = .log(a)
            case .softmax(let a): op = .softmax(a)
            case .concat(let parts): op = .concat(parts)
            case .slice(let v, let start, let end):
                let available = instructions[v].width
                guard let lower = start.value(sizes), let upper = end.value(sizes), lower >= 0, upper <= available,
                      lower < upper else {
                    let last = (end - CellSize(1)) ?? end
                    func bound(_ b: CellSize) -> String { b.isConstant ? b.description : b.shown(sizes) }
                    throw RuntimeError(CellMessage.sliceOutOfRange(lower: bound(start), upper: bound(last),
                                                                   width: "(\(available))"),
                                       at: instruction.range)
                }
                op = .slice(v, start: lower, end: upper)
            }
            instructions.append(CellProgram.Instruction(op, width: width))
        }
        // Each state's width was evaluated with its `.state` instruction, which the checker makes for every state.
        let states = stateWidths.indices.map { s in
            instructions.first { $0.op == .state(s) }?.width ?? 0
        }
        return CellProgram(inputWidth: sizes["input"] ?? 0, hidden: sizes["hidden"] ?? 0, parameters: parameters,
                           instructions: instructions, stateWidths: states, output: output, newStates: newStates)
    }
}

extension CellPlanInitializer {
    /// The model library's initialiser.
    var library: CellInitializer {
        switch self {
        case .uniform: return .uniform
        case .zeros: return .zeros
        case .constant(let x): return .constant(Float(x))
        case .orthogonal: return .orthogonal
        case .identity: return .identity
        case .normal(let std): return .normal(std: Float(std))
        }
    }
}
