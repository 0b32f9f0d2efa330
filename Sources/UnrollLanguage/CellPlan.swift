import UnrollDiagnostics

/// A checked cell declaration: its step as single-assignment instructions whose widths are `CellSize`s.
///
/// It mirrors the model library's `CellProgram` one to one; the interpreter lowers it once the sizes are
/// known (`hidden` from the call, `input` from the layer), which only evaluates the widths.
public struct CellPlan: Hashable, Sendable {
    /// A parameter: its name, shape (one size per axis) and how it starts.
    public struct Parameter: Hashable, Sendable {
        /// The name as declared (`W_hh`).
        public var name: String
        /// `[width]` or `[out, in]`.
        public var shape: [CellSize]
        /// How it starts.
        public var initializer: CellPlanInitializer
        /// Where it is declared.
        public var location: SourceLocation
    }

    /// One instruction: what it computes, its width, and the expression it comes from (for run-time messages).
    public struct Instruction: Hashable, Sendable {
        /// What it computes.
        public var op: CellPlanOp
        /// The width of its `(N, width)` value.
        public var width: CellSize
        /// The expression it comes from.
        public var range: SourceRange
    }

    /// The cell's name.
    public var name: String
    /// The header's sizes in order (`hidden` first).
    public var sizes: [String]
    /// The parameters in declaration order.
    public var parameters: [Parameter]
    /// The step, in order; operands are indices of earlier instructions.
    public var instructions: [Instruction]
    /// The width of each state.
    public var stateWidths: [CellSize]
    /// The instruction of the step's output.
    public var output: Int
    /// The instructions of the new states, one per state.
    public var newStates: [Int]
    /// The declaration as written.
    public var source: String

    /// The names a call must give (the header's sizes), which become the constructor's labels.
    public var labels: [String] { sizes }
}

/// How a cell's parameter starts (`init:` of `param`).
public enum CellPlanInitializer: Hashable, Sendable {
    /// PyTorch's recurrent default `U(−1/√H, 1/√H)`: `init: "uniform"`, the default.
    case uniform
    /// `init: "zeros"` or `init: 0`.
    case zeros
    /// `init: 0.5`: every element that number.
    case constant(Double)
    /// `init: "orthogonal"`.
    case orthogonal
    /// `init: "identity"`.
    case identity
    /// `init: "normal"` with `std:` (default 0.1).
    case normal(std: Double)

    /// The names `init:` accepts.
    public static let names = ["uniform", "zeros", "orthogonal", "identity", "normal"]
}

/// One operation of a cell's step (see `CellProgram`'s `CellOp`); `Int` operands are earlier instructions.
public enum CellPlanOp: Hashable, Sendable {
    /// The step's input.
    case input
    /// A state before the step.
    case state(Int)
    /// A vector parameter.
    case parameter(Int)
    /// A number, broadcast over the other operand.
    case constant(Double)
    /// A matrix parameter times a value.
    case matmul(parameter: Int, operand: Int)
    /// Element-wise arithmetic.
    case add(Int, Int), sub(Int, Int), mul(Int, Int), div(Int, Int)
    /// Negation.
    case neg(Int)
    /// Element-wise functions.
    case sigmoid(Int), tanh(Int), relu(Int), exp(Int), log(Int)
    /// Softmax over the features.
    case softmax(Int)
    /// Values side by side along the features.
    case concat([Int])
    /// Features `start ..< end`.
    case slice(Int, start: CellSize, end: CellSize)
}
