import UnrollNN

/// Writes `CellProgram`s in the tests as a notebook's cell declares them: parameters, then a step's equations.
struct CellProgramBuilder {
    var program: CellProgram

    init(input: Int, hidden: Int, states: [Int]) {
        program = CellProgram(inputWidth: input, hidden: hidden, parameters: [], instructions: [],
                              stateWidths: states, output: 0, newStates: [])
    }

    /// Declares a parameter and returns its index.
    mutating func parameter(_ name: String, _ shape: [Int], _ initializer: CellInitializer = .uniform) -> Int {
        program.parameters.append(.init(name: name, shape: shape, initializer: initializer))
        return program.parameters.count - 1
    }

    /// Appends an instruction and returns its index.
    mutating func emit(_ op: CellOp, _ width: Int) -> Int {
        program.instructions.append(.init(op, width: width))
        return program.instructions.count - 1
    }

    func width(_ i: Int) -> Int { program.instructions[i].width }

    mutating func x() -> Int { emit(.input, program.inputWidth) }
    mutating func state(_ s: Int) -> Int { emit(.state(s), program.stateWidths[s]) }
    mutating func vector(_ p: Int) -> Int { emit(.parameter(p), program.parameters[p].shape[0]) }
    mutating func constant(_ c: Float) -> Int { emit(.constant(c), 1) }
    mutating func matmul(_ p: Int, _ v: Int) -> Int { emit(.matmul(parameter: p, operand: v), program.parameters[p].shape[0]) }
    mutating func add(_ a: Int, _ b: Int) -> Int { emit(.add(a, b), max(width(a), width(b))) }
    mutating func sub(_ a: Int, _ b: Int) -> Int { emit(.sub(a, b), max(width(a), width(b))) }
    mutating func mul(_ a: Int, _ b: Int) -> Int { emit(.mul(a, b), max(width(a), width(b))) }
    mutating func div(_ a: Int, _ b: Int) -> Int { emit(.div(a, b), max(width(a), width(b))) }
    mutating func unary(_ op: (Int) -> CellOp, _ a: Int) -> Int { emit(op(a), width(a)) }
    mutating func concat(_ parts: [Int]) -> Int { emit(.concat(parts), parts.map(width).reduce(0, +)) }
    mutating func slice(_ a: Int, _ start: Int, _ end: Int) -> Int { emit(.slice(a, start: start, end: end), end - start) }

    mutating func finish(output: Int, states: [Int]) -> CellProgram {
        program.output = output
        program.newStates = states
        return program
    }

    /// PyTorch's Elman RNN: `h' = tanh(W_ih x + b_ih + W_hh h + b_hh)`, parameters named as `nn.RNN` names them.
    static func elman(input: Int, hidden h: Int) -> CellProgram {
        var b = CellProgramBuilder(input: input, hidden: h, states: [h])
        let wih = b.parameter("weight_ih", [h, input]), whh = b.parameter("weight_hh", [h, h])
        let bih = b.parameter("bias_ih", [h]), bhh = b.parameter("bias_hh", [h])
        let x = b.x(), hPrev = b.state(0)
        let pre = b.add(b.add(b.add(b.matmul(wih, x), b.vector(bih)), b.matmul(whh, hPrev)), b.vector(bhh))
        let hNew = b.unary(CellOp.tanh, pre)
        return b.finish(output: hNew, states: [hNew])
    }

    /// PyTorch's LSTM (gates `i f g o` stacked in `weight_ih`, `weight_hh`), states `h, c`.
    static func lstm(input: Int, hidden h: Int) -> CellProgram {
        var b = CellProgramBuilder(input: input, hidden: h, states: [h, h])
        let wih = b.parameter("weight_ih", [4 * h, input]), whh = b.parameter("weight_hh", [4 * h, h])
        let bih = b.parameter("bias_ih", [4 * h]), bhh = b.parameter("bias_hh", [4 * h])
        let x = b.x(), hPrev = b.state(0), cPrev = b.state(1)
        let gates = b.add(b.add(b.add(b.matmul(wih, x), b.vector(bih)), b.matmul(whh, hPrev)), b.vector(bhh))
        let i = b.unary(CellOp.sigmoid, b.slice(gates, 0, h)), f = b.unary(CellOp.sigmoid, b.slice(gates, h, 2 * h))
        let g = b.unary(CellOp.tanh, b.slice(gates, 2 * h, 3 * h)), o = b.unary(CellOp.sigmoid, b.slice(gates, 3 * h, 4 * h))
        let c = b.add(b.mul(f, cPrev), b.mul(i, g))
        let hNew = b.mul(o, b.unary(CellOp.tanh, c))
        return b.finish(output: hNew, states: [hNew, c])
    }

    /// The LSTM with its four gates as separate products (`W_ii @ x + W_hi @ h + b_i`, …), as a learner writes it;
    /// the products that share `x` or `h` run stacked. Parameters named `W_i*`, `W_h*`, `b_*` per gate.
    static func lstmByGate(input: Int, hidden h: Int) -> CellProgram {
        var b = CellProgramBuilder(input: input, hidden: h, states: [h, h])
        let names = ["i", "f", "g", "o"]
        let wx = names.map { b.parameter("W_i\($0)", [h, input]) }, wh = names.map { b.parameter("W_h\($0)", [h, h]) }
        let bias = names.map { b.parameter("b_\($0)", [h], .zeros) }
        let x = b.x(), hPrev = b.state(0), cPrev = b.state(1)
        let pre = (0..<4).map { k in b.add(b.add(b.matmul(wx[k], x), b.matmul(wh[k], hPrev)), b.vector(bias[k])) }
        let i = b.unary(CellOp.sigmoid, pre[0]), f = b.unary(CellOp.sigmoid, pre[1])
        let g = b.unary(CellOp.tanh, pre[2]), o = b.unary(CellOp.sigmoid, pre[3])
        let c = b.add(b.mul(f, cPrev), b.mul(i, g))
        let hNew = b.mul(o, b.unary(CellOp.tanh, c))
        return b.finish(output: hNew, states: [hNew, c])
    }

    /// PyTorch's GRU: `r, z = σ(W_i{r,z} x + b_i{r,z} + W_h{r,z} h + b_h{r,z})`,
    /// `n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))`, `h' = (1 − z) ⊙ n + z ⊙ h`.
    static func gru(input: Int, hidden h: Int) -> CellProgram {
        var b = CellProgramBuilder(input: input, hidden: h, states: [h])
        let wih = b.parameter("weight_ih", [3 * h, input]), whh = b.parameter("weight_hh", [3 * h, h])
        let bih = b.parameter("bias_ih", [3 * h]), bhh = b.parameter("bias_hh", [3 * h])
        let x = b.x(), hPrev = b.state(0)
        let gi = b.add(b.matmul(wih, x), b.vector(bih)), gh = b.add(b.matmul(whh, hPrev), b.vector(bhh))
        let r = b.unary(CellOp.sigmoid, b.add(b.slice(gi, 0, h), b.slice(gh, 0, h)))
        let z = b.unary(CellOp.sigmoid, b.add(b.slice(gi, h, 2 * h), b.slice(gh, h, 2 * h)))
        let n = b.unary(CellOp.tanh, b.add(b.slice(gi, 2 * h, 3 * h), b.mul(r, b.slice(gh, 2 * h, 3 * h))))
        let hNew = b.add(b.mul(b.sub(b.constant(1), z), n), b.mul(z, hPrev))
        return b.finish(output: hNew, states: [hNew])
    }

    /// A template over one of the builders.
    static func template(_ name: String, _ build: @escaping @Sendable (Int, Int) -> CellProgram) -> CellProgramTemplate {
        CellProgramTemplate(name: name, key: name) { input, hidden in build(input, hidden) }
    }
}
