import UnrollDiagnostics

/// A recurrent cell written in the notebook: `cell Name(hidden) { W = param(hidden, input) … step(x, h) { … } }`.
///
/// The header names the cell's sizes (`hidden` first; `input`, the width of what the cell reads, is always
/// there); the body declares parameters and one `step` that maps the input and the states to an output and
/// the new states. `CellPlan` is its checked form.
public struct CellDeclaration: Hashable, Sendable {
    /// The cell's name, which becomes its constructor (`Elman(hidden: 32)`).
    public var name: Identifier
    /// The sizes in the header (`hidden`, then any others), given by label when the cell is used.
    public var sizes: [Identifier]
    /// The parameters, in declaration order.
    public var parameters: [CellParameterDeclaration]
    /// The step's input (`x`).
    public var input: Identifier
    /// The step's states (`h`, or `h, c`), each with its width (`hidden` unless written `c: 2 * hidden`).
    public var states: [CellStateDeclaration]
    /// The step's statements, the `return` last.
    public var body: [CellStatement]
    /// Where `step` is written.
    public var stepLocation: SourceLocation
    /// The declaration as written, from `cell` to its closing `}`.
    public var source: String
    /// Every operator token of the declaration (`+ - * / @`), in order, so that a message can point at the operator.
    public var operators: [CellOperatorToken]

    /// A declaration from its parts.
    public init(name: Identifier, sizes: [Identifier], parameters: [CellParameterDeclaration], input: Identifier,
                states: [CellStateDeclaration], body: [CellStatement], stepLocation: SourceLocation, source: String,
                operators: [CellOperatorToken] = []) {
        self.name = name
        self.sizes = sizes
        self.parameters = parameters
        self.input = input
        self.states = states
        self.body = body
        self.stepLocation = stepLocation
        self.source = source
        self.operators = operators
    }

    /// The deepest expression of the declaration, for the nesting limit.
    public var depth: Int {
        let shapes = parameters.flatMap { $0.shape + $0.options.map(\.value) }
        let statements = body.flatMap { statement -> [Expr] in
            switch statement.kind {
            case .assign(_, let value): return [value]
            case .return(let values): return values
            }
        }
        return 1 + (shapes + statements + states.compactMap(\.width)).reduce(0) { max($0, $1.depth) }
    }
}

/// `W_hh = param(hidden, hidden, init: "orthogonal")`: a parameter's name, shape and options.
public struct CellParameterDeclaration: Hashable, Sendable {
    /// The parameter's name (its `state_dict` name is this with `_l0`, `_reverse`, …).
    public var name: Identifier
    /// One size expression per axis: one for a vector, two (out, in) for a matrix.
    public var shape: [Expr]
    /// The labelled options (`init:`, `std:`).
    public var options: [Argument]
    /// The whole `param(…)` call, where shape errors point.
    public var call: Expr

    /// A parameter declaration from its parts.
    public init(name: Identifier, shape: [Expr], options: [Argument], call: Expr) {
        self.name = name
        self.shape = shape
        self.options = options
        self.call = call
    }
}

/// One state of a cell's step: its name and, when not `hidden`, its width.
public struct CellStateDeclaration: Hashable, Sendable {
    /// The state's name inside the step.
    public var name: Identifier
    /// Its width as written after `:`, or nil for `hidden`.
    public var width: Expr?

    /// A state from its parts.
    public init(name: Identifier, width: Expr?) {
        self.name = name
        self.width = width
    }
}

/// One statement of a cell's step.
public struct CellStatement: Hashable, Sendable {
    /// What it does.
    public var kind: CellStatementKind
    /// Where its first token is.
    public var location: SourceLocation

    /// A statement from its parts.
    public init(_ kind: CellStatementKind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

/// The statements of a cell's step.
public enum CellStatementKind: Hashable, Sendable {
    /// `z = expression`, or `i, f, g, o = chunk(z, 4)`.
    case assign([Identifier], Expr)
    /// `return output, new_state…`.
    case `return`([Expr])
}

/// An operator token of a cell declaration: its text and place.
public struct CellOperatorToken: Hashable, Sendable {
    /// `+`, `-`, `*`, `/` or `@`.
    public var text: String
    /// Where it is.
    public var location: SourceLocation

    /// An operator token from its parts.
    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}
