extension CellProgram {
    /// Checks that the program can run: operands earlier than their instruction, every width what its operation
    /// makes, matrix products that fit, the output and states as wide as declared, and initialisers that suit their
    /// parameters. The language checks a declaration first and reports located errors; this is the second line of
    /// defence, so a wrong program is an error that names the instruction and both widths, never a trap.
    public func validate() throws {
        guard inputWidth >= 1, hidden >= 1 else {
            throw CellProgramError("a cell needs a positive input width and hidden size, got input \(inputWidth), hidden \(hidden)")
        }
        try validateParameters()
        guard !stateWidths.isEmpty else { throw CellProgramError("a cell needs at least one state") }
        for (s, width) in stateWidths.enumerated() where width < 1 {
            throw CellProgramError("state \(s) has width \(width); a state needs at least one feature")
        }
        guard stateWidths[0] == hidden else {
            throw CellProgramError("state 0 (the hidden state) has width \(stateWidths[0]), expected the hidden size \(hidden)")
        }
        for index in instructions.indices { try validateInstruction(index) }
        guard instructions.indices.contains(output) else {
            throw CellProgramError("the output is instruction \(output), but the step has \(instructions.count) instructions")
        }
        guard instructions[output].width == hidden else {
            throw CellProgramError(instruction: output, "the output (instruction \(output)) has width "
                                   + "\(instructions[output].width), expected the hidden size \(hidden)")
        }
        guard newStates.count == stateWidths.count else {
            throw CellProgramError("the step returns \(newStates.count) new states for \(stateWidths.count) states")
        }
        for (s, index) in newStates.enumerated() {
            guard instructions.indices.contains(index) else {
                throw CellProgramError("new state \(s) is instruction \(index), but the step has \(instructions.count) instructions")
            }
            guard instructions[index].width == stateWidths[s] else {
                throw CellProgramError(instruction: index, "new state \(s) (instruction \(index)) has width "
                                       + "\(instructions[index].width), but state \(s) has width \(stateWidths[s])")
            }
        }
    }

    /// Names unique and non-empty, shapes of rank 1 or 2 with positive sizes, initialisers that fit the shape.
    private func validateParameters() throws {
        var seen = Set<String>()
        for (p, parameter) in parameters.enumerated() {
            let label = "parameter \(p) '\(parameter.name)'"
            guard !parameter.name.isEmpty else { throw CellProgramError("parameter \(p) has no name") }
            guard seen.insert(parameter.name).inserted else {
                throw CellProgramError("\(label) is declared twice")
            }
            guard (1...2).contains(parameter.shape.count), parameter.shape.allSatisfy({ $0 >= 1 }) else {
                throw CellProgramError("\(label) has shape \(parameter.shape); expected [width] or [out, in], sizes positive")
            }
            switch parameter.initializer {
            case .orthogonal, .identity:
                guard parameter.shape.count == 2, parameter.shape[0] % parameter.shape[1] == 0 else {
                    throw CellProgramError("\(label) has shape \(parameter.shape); \(parameter.initializer.describedName) "
                                           + "needs a square matrix or a stack of square blocks (rows a multiple of columns)")
                }
            case .normal(let std):
                guard std.isFinite, std >= 0 else {
                    throw CellProgramError("\(label): a normal initialiser needs a finite std ≥ 0, got \(std)")
                }
            case .constant(let value):
                guard value.isFinite else { throw CellProgramError("\(label): the constant \(value) is not finite") }
            case .uniform, .zeros:
                break
            }
        }
    }

    /// Checks instruction `index` against the instructions before it.
    private func validateInstruction(_ index: Int) throws {
        let instruction = instructions[index], width = instruction.width
        let label = "instruction \(index) (\(instruction.op.name))"
        func fail(_ message: String) -> CellProgramError { CellProgramError(instruction: index, "\(label): \(message)") }
        func operand(_ i: Int) throws -> Int {
            guard i >= 0, i < index else {
                throw fail("operand \(i) is not an earlier instruction (operands must come before their use)")
            }
            return instructions[i].width
        }
        func expectWidth(_ expected: Int, _ what: String) throws {
            guard width == expected else { throw fail("has width \(width), but \(what) is \(expected) wide") }
        }
        guard width >= 1 else { throw fail("has width \(width); a value needs at least one feature") }
        switch instruction.op {
        case .input:
            try expectWidth(inputWidth, "the input")
        case .state(let s):
            guard stateWidths.indices.contains(s) else { throw fail("reads state \(s), but the cell has \(stateWidths.count)") }
            try expectWidth(stateWidths[s], "state \(s)")
        case .parameter(let p):
            guard parameters.indices.contains(p) else { throw fail("reads parameter \(p), but the cell has \(parameters.count)") }
            guard parameters[p].shape.count == 1 else {
                throw fail("parameter '\(parameters[p].name)' has shape \(parameters[p].shape); only a vector can be used "
                           + "element-wise (a matrix needs @)")
            }
            try expectWidth(parameters[p].shape[0], "parameter '\(parameters[p].name)'")
        case .constant(let value):
            guard value.isFinite else { throw fail("the constant \(value) is not finite") }
        case .matmul(let p, let v):
            guard parameters.indices.contains(p) else { throw fail("multiplies by parameter \(p), but the cell has \(parameters.count)") }
            let shape = parameters[p].shape, name = parameters[p].name
            guard shape.count == 2 else { throw fail("parameter '\(name)' has shape \(shape); @ needs a matrix [out, in]") }
            let inner = try operand(v)
            guard inner == shape[1] else {
                throw fail("cannot multiply '\(name)' \(shape) by instruction \(v) of width \(inner); it needs width \(shape[1])")
            }
            try expectWidth(shape[0], "'\(name)' @ instruction \(v)")
        case .add(let a, let b), .sub(let a, let b), .mul(let a, let b), .div(let a, let b):
            let wa = try operand(a), wb = try operand(b)
            if wa != wb {
                let broadcastA = wa == 1 && instructions[a].op.isConstant, broadcastB = wb == 1 && instructions[b].op.isConstant
                guard broadcastA || broadcastB else {
                    throw fail("widths \(wa) (instruction \(a)) and \(wb) (instruction \(b)) differ")
                }
            }
            try expectWidth(max(wa, wb), "the result")
        case .neg(let a), .sigmoid(let a), .tanh(let a), .relu(let a), .exp(let a), .log(let a), .softmax(let a):
            try expectWidth(try operand(a), "instruction \(a)")
        case .concat(let parts):
            guard !parts.isEmpty else { throw fail("joins nothing") }
            var total = 0
            for part in parts { total += try operand(part) }
            try expectWidth(total, "the joined instructions \(parts)")
        case .slice(let a, let start, let end):
            let wa = try operand(a)
            guard start >= 0, start < end, end <= wa else {
                throw fail("features \(start)..<\(end) are not inside instruction \(a) of width \(wa)")
            }
            try expectWidth(end - start, "features \(start)..<\(end)")
        }
    }
}

extension CellOp {
    /// The operation's name in messages (`add`, `matmul`).
    public var name: String {
        switch self {
        case .input: return "input"
        case .state: return "state"
        case .parameter: return "parameter"
        case .constant: return "constant"
        case .matmul: return "matmul"
        case .add: return "add"
        case .sub: return "sub"
        case .mul: return "mul"
        case .div: return "div"
        case .neg: return "neg"
        case .sigmoid: return "sigmoid"
        case .tanh: return "tanh"
        case .relu: return "relu"
        case .exp: return "exp"
        case .log: return "log"
        case .softmax: return "softmax"
        case .concat: return "concat"
        case .slice: return "slice"
        }
    }

    /// Whether the operation is a constant (which broadcasts from width 1).
    var isConstant: Bool {
        if case .constant = self { return true }
        return false
    }
}

extension CellInitializer {
    /// The initialiser's name in messages (`orthogonal`).
    var describedName: String {
        switch self {
        case .uniform: return "uniform"
        case .zeros: return "zeros"
        case .constant: return "constant"
        case .orthogonal: return "orthogonal"
        case .identity: return "identity"
        case .normal: return "normal"
        }
    }
}
