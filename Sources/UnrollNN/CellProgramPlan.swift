/// How a `ProgramCell` evaluates its program: which instructions run once for the whole sequence and which at each
/// step, and which matrix products share an operand (and so run as one product with the weights stacked).
///
/// None of this changes a result. An instruction that reads the input but no state is the same function of each
/// row at every step, so it runs once over all `T·N` rows (element-wise operations, softmax and products are
/// computed row by row, and a product's element is one FMA chain over the inner dimension whatever the number of
/// rows); products `W₁ @ v, W₂ @ v, …` of one operand are one product with `[W₁; W₂; …]`, each output element
/// still its own chain over the same `v` and row of `W`.
struct CellProgramPlan {
    /// Where an instruction's value is computed.
    enum Place: Equatable {
        /// Reads neither input nor state (parameters, constants): once per run, at the row count of its use.
        case fixed
        /// Reads the input but no state: once per run over all steps.
        case sequence
        /// Reads a state: at every step.
        case step
    }

    /// The place of each instruction.
    let places: [Place]
    /// Groups of products with one operand, each in instruction order (only groups of two or more).
    let groups: [[Int]]
    /// For a product in a group, the group's index and its position in it.
    let groupOf: [Int: (group: Int, member: Int)]
    /// The fixed instructions needed at each place (`.sequence`: over all steps; `.step`: once per run, `N` rows).
    let fixedNeeded: [Place: [Bool]]

    /// The plan of `program` (which has validated).
    init(_ program: CellProgram) {
        let instructions = program.instructions
        var places: [Place] = []
        for instruction in instructions {
            switch instruction.op {
            case .input: places.append(.sequence)
            case .state: places.append(.step)
            case .parameter, .constant: places.append(.fixed)
            default:
                let operands = instruction.op.operands.map { places[$0] }
                places.append(operands.contains(.step) ? .step : operands.contains(.sequence) ? .sequence : .fixed)
            }
        }
        self.places = places
        var byOperand: [Int: [Int]] = [:], order: [Int] = []
        for (i, instruction) in instructions.enumerated() {
            guard case .matmul(_, let v) = instruction.op else { continue }
            if byOperand[v] == nil { order.append(v) }
            byOperand[v, default: []].append(i)
        }
        groups = order.compactMap { byOperand[$0]!.count > 1 ? byOperand[$0]! : nil }
        var groupOf: [Int: (group: Int, member: Int)] = [:]
        for (g, group) in groups.enumerated() { for (m, i) in group.enumerated() { groupOf[i] = (g, m) } }
        self.groupOf = groupOf
        // A fixed instruction is needed at a place when an instruction there (or, for steps, the step's results)
        // reads it, or a needed fixed instruction does.
        var needed: [Place: [Bool]] = [:]
        for place in [Place.sequence, .step] {
            var flags = [Bool](repeating: false, count: instructions.count)
            for (i, instruction) in instructions.enumerated() where places[i] == place {
                let skipped = Self.rowVectorOperand(of: i, in: instructions)
                for j in instruction.op.operands where places[j] == .fixed && j != skipped { flags[j] = true }
            }
            if place == .step { for j in [program.output] + program.newStates where places[j] == .fixed { flags[j] = true } }
            for i in instructions.indices.reversed() where flags[i] {
                let skipped = Self.rowVectorOperand(of: i, in: instructions)
                for j in instructions[i].op.operands where j != skipped { flags[j] = true }
            }
            needed[place] = flags
        }
        fixedNeeded = needed
        rowVectorOperands = instructions.indices.map { Self.rowVectorOperand(of: $0, in: instructions) }
    }

    /// For each instruction, the operand added as a bias row (`Variable.addingRowVector`, no broadcast made).
    private let rowVectorOperands: [Int?]

    /// The vector parameter an addition adds to each row of its other operand (the second one when both are
    /// parameters); nil when it adds no parameter. `x + b` and `b + x` are the same IEEE sum, so this changes no bit.
    func rowVectorOperand(of i: Int) -> Int? { rowVectorOperands[i] }

    private static func rowVectorOperand(of i: Int, in instructions: [CellProgram.Instruction]) -> Int? {
        guard case .add(let a, let b) = instructions[i].op else { return nil }
        func isParameter(_ j: Int) -> Bool { if case .parameter = instructions[j].op { return true } else { return false } }
        if isParameter(b), instructions[a].width == instructions[i].width { return b }
        if isParameter(a), instructions[b].width == instructions[i].width { return a }
        return nil
    }
}

extension CellOp {
    /// The instructions the operation reads.
    var operands: [Int] {
        switch self {
        case .input, .state, .parameter, .constant: return []
        case .matmul(_, let v): return [v]
        case .add(let a, let b), .sub(let a, let b), .mul(let a, let b), .div(let a, let b): return [a, b]
        case .neg(let a), .sigmoid(let a), .tanh(let a), .relu(let a), .exp(let a), .log(let a), .softmax(let a):
            return [a]
        case .concat(let parts): return parts
        case .slice(let a, _, _): return [a]
        }
    }
}
