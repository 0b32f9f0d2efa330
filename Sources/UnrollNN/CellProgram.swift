/// A recurrent cell written as equations: parameters, then one step's instructions in SSA form.
///
/// Every value of a step is `(N, width)`: `N` sequences of the batch, `width` features. An instruction's operands
/// are the indices of earlier instructions; `output` and `newStates` name instructions too. The program is built
/// for one (layer, direction) once its widths are known (`inputWidth` is the layer's input width), and
/// `validate()` checks it before a layer runs it. The first state is the cell's hidden state `h`: it and the
/// output are `hidden` wide, since a model reads a layer's final `h` (`RecurrentLayer.summary`) and its outputs.
public struct CellProgram: Equatable, Sendable {
    /// A named weight of the cell: a vector `[width]` or a matrix `[out, in]`.
    public struct Parameter: Equatable, Sendable {
        /// The name in the `state_dict`, before the layer suffix (`W_hh` becomes `W_hh_l0`).
        public var name: String
        /// `[width]` (broadcast over the batch by `.parameter`) or `[out, in]` (used by `.matmul`).
        public var shape: [Int]
        /// How the weight starts.
        public var initializer: CellInitializer

        /// A parameter from its parts.
        public init(name: String, shape: [Int], initializer: CellInitializer = .uniform) {
            self.name = name
            self.shape = shape
            self.initializer = initializer
        }
    }

    /// One step's instruction: an operation and the width of its `(N, width)` result.
    public struct Instruction: Equatable, Sendable {
        /// What the instruction computes.
        public var op: CellOp
        /// The number of features of its result.
        public var width: Int

        /// An instruction from its parts.
        public init(_ op: CellOp, width: Int) {
            self.op = op
            self.width = width
        }
    }

    /// The number of input features of the layer this program steps.
    public var inputWidth: Int
    /// The hidden size `H`: the width of the output and of the first state.
    public var hidden: Int
    /// The weights, in the order they are drawn and listed in the `state_dict`.
    public var parameters: [Parameter]
    /// One step, in order.
    public var instructions: [Instruction]
    /// The width of each state (Elman: `[H]`; LSTM: `[H, H]` for `h, c`); the first is `h`, `hidden` wide.
    public var stateWidths: [Int]
    /// The instruction whose value is the step's output (`hidden` wide).
    public var output: Int
    /// The instructions whose values are the new states, one per entry of `stateWidths`, same widths.
    public var newStates: [Int]

    /// A program from its parts (call `validate()` before running it).
    public init(inputWidth: Int, hidden: Int, parameters: [Parameter], instructions: [Instruction],
                stateWidths: [Int], output: Int, newStates: [Int]) {
        self.inputWidth = inputWidth
        self.hidden = hidden
        self.parameters = parameters
        self.instructions = instructions
        self.stateWidths = stateWidths
        self.output = output
        self.newStates = newStates
    }
}

/// How a cell's parameter starts.
public enum CellInitializer: Equatable, Sendable {
    /// PyTorch's recurrent default `U(−1/√H, 1/√H)`, `H` the cell's hidden size.
    case uniform
    /// All zeros.
    case zeros
    /// Every element the given value.
    case constant(Float)
    /// A random orthogonal matrix (square, or a stack of square blocks, each orthogonal, as `init: "orthogonal"`).
    case orthogonal
    /// The identity matrix (square, or a stack of square identity blocks).
    case identity
    /// Normal draws with mean 0 and the given standard deviation.
    case normal(std: Float)
}

/// One operation of a cell's step; `Int` operands are indices of earlier instructions.
public enum CellOp: Equatable, Sendable {
    /// The step's input `x_t`, `inputWidth` wide.
    case input
    /// State `s` before the step (`h_{t−1}`, `c_{t−1}`, …).
    case state(Int)
    /// A vector parameter `[width]`, the same for every sequence of the batch.
    case parameter(Int)
    /// A constant; one of width 1 broadcasts over the other operand of an element-wise operation.
    case constant(Float)
    /// `W @ v`: the matrix parameter `W` `[out, in]` times each sequence's value `v` (`in` wide), i.e. `v · Wᵀ`.
    case matmul(parameter: Int, operand: Int)
    /// `a + b` element-wise.
    case add(Int, Int)
    /// `a − b` element-wise.
    case sub(Int, Int)
    /// `a ⊙ b` element-wise.
    case mul(Int, Int)
    /// `a / b` element-wise.
    case div(Int, Int)
    /// `−a`.
    case neg(Int)
    /// The logistic sigmoid.
    case sigmoid(Int)
    /// The hyperbolic tangent.
    case tanh(Int)
    /// `max(0, a)`.
    case relu(Int)
    /// `eᵃ`.
    case exp(Int)
    /// The natural logarithm.
    case log(Int)
    /// The softmax over the features of each sequence.
    case softmax(Int)
    /// The values side by side along the features, in order.
    case concat([Int])
    /// Features `start ..< end` of a value.
    case slice(Int, start: Int, end: Int)
}

/// Why a `CellProgram` cannot run, naming the instruction and the widths involved (lower case).
public struct CellProgramError: Error, Equatable, CustomStringConvertible {
    /// The instruction at fault, when there is one.
    public let instruction: Int?
    /// What is wrong, e.g. `instruction 5 (add): widths 32 (instruction 2) and 16 (instruction 4) differ`.
    public let message: String

    /// An error with the given message.
    public init(instruction: Int? = nil, _ message: String) {
        self.instruction = instruction
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

/// Builds a cell's `CellProgram` for a layer's input width: how a declared cell reaches `RecurrentSpec`.
///
/// A layer asks for one program per (layer, direction): layer 0 reads `inputWidth` features, the layers above it
/// `D·hidden`. Two templates are equal when their `name` and `key` are (the builder's closure cannot be compared):
/// the language side puts what determines the programs into `key` (the cell's source text, say).
public struct CellProgramTemplate: Equatable, Sendable {
    /// The cell's name (`Elman`), for summaries and messages.
    public var name: String
    /// What identifies the programs this template builds.
    public var key: String
    /// The program of a layer reading `inputWidth` features with `hidden` units.
    public let build: @Sendable (_ inputWidth: Int, _ hidden: Int) throws -> CellProgram

    /// A template from its name, key and builder.
    public init(name: String, key: String, build: @escaping @Sendable (_ inputWidth: Int, _ hidden: Int) throws -> CellProgram) {
        self.name = name
        self.key = key
        self.build = build
    }

    /// The program for `inputWidth` and `hidden`, validated: an error from the builder or from
    /// `CellProgram.validate()`, or when the builder's widths are not the ones asked for.
    public func program(inputWidth: Int, hidden: Int) throws -> CellProgram {
        let program = try build(inputWidth, hidden)
        guard program.inputWidth == inputWidth, program.hidden == hidden else {
            throw CellProgramError("cell '\(name)': built for input \(program.inputWidth) and hidden \(program.hidden), "
                                   + "asked for input \(inputWidth) and hidden \(hidden)")
        }
        try program.validate()
        return program
    }

    public static func == (a: CellProgramTemplate, b: CellProgramTemplate) -> Bool { a.name == b.name && a.key == b.key }
}
