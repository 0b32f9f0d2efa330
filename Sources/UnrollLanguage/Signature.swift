import UnrollDiagnostics

/// The groups the builtin reference is organised in.
public enum BuiltinFamily: String, CaseIterable, Hashable, Sendable {
    /// One group each: data readers, synthetic tasks, models, recurrent layers, optimizers, evaluation,
    /// tensors and weights files, utilities, members of types, and the options of statements.
    case data, tasks, models, layers, optimizers, evaluation, tensors, utility, members, statements

    /// What an unknown name that resembles a builtin of the family is called in messages: `unknown layer 'LTSM'`.
    public var noun: String {
        switch self {
        case .layers: return "layer"
        case .models: return "model"
        case .optimizers: return "optimizer"
        default: return "function"
        }
    }

    /// The heading of the family in the reference.
    public var title: String {
        switch self {
        case .data: return "Data"
        case .tasks: return "Synthetic tasks"
        case .models: return "Models"
        case .layers: return "Recurrent layers"
        case .optimizers: return "Optimizers and learning-rate schedules"
        case .evaluation: return "Evaluation and generation"
        case .tensors: return "Tensors and weights"
        case .utility: return "Utilities"
        case .members: return "Members"
        case .statements: return "Statement options"
        }
    }
}

/// The declaration of a builtin: a function (`text`), a namespaced function (`task.adding`), a method or
/// property of a type (`Corpus.split`, `Model.history`), or the options of a statement (`fit`).
public struct Signature: Sendable {
    /// The name as called: `text`, `task.adding`, `split`, `fit`.
    public var name: String
    /// The type it belongs to (`Corpus`, `list`) for members; nil for functions and statements.
    public var receiver: String?
    /// Its group in the reference.
    public var family: BuiltinFamily
    /// The parameters in order, positional first; nil for a property (read without parentheses).
    public var parameters: [Parameter]?
    /// The type of the result (refined per call by `rule`).
    public var result: ValueType
    /// One line saying what it does.
    public var doc: String
    /// Computes the precise result type from the argument facts and reports problems only the builtin
    /// knows about (shape facts, model kinds); nil when `result` is all there is to say.
    public var rule: CallRule?

    /// A signature from its parts.
    public init(name: String, receiver: String? = nil, family: BuiltinFamily, parameters: [Parameter]?,
                result: ValueType, doc: String, rule: CallRule? = nil) {
        self.name = name
        self.receiver = receiver
        self.family = family
        self.parameters = parameters
        self.result = result
        self.doc = doc
        self.rule = rule
    }

    /// Whether it is read without parentheses (`corpus.vocab`).
    public var isProperty: Bool { parameters == nil }

    /// The name with its receiver: `Corpus.split`, or just `text`.
    public var qualifiedName: String { receiver.map { "\($0).\(name)" } ?? name }

    /// The parameter called `name`, if any.
    public func parameter(named name: String) -> Parameter? {
        parameters?.first { $0.name == name }
    }

    /// Matches the arguments of a call, given by their labels (nil for positional), to parameters.
    ///
    /// Returns for each parameter that got an argument the index of that argument, and every problem found
    /// (an interpreter can use the same binding to fill in defaults).
    public func bind(labels: [String?]) -> (bound: [String: Int], problems: [BindingProblem]) {
        let parameters = self.parameters ?? []
        let positional = parameters.filter(\.isPositional)
        let labelled = parameters.filter { !$0.isPositional }
        var bound: [String: Int] = [:]
        var problems: [BindingProblem] = []
        var nextPositional = 0
        for (index, label) in labels.enumerated() {
            guard let label else {
                if nextPositional < positional.count {
                    bound[positional[nextPositional].name] = index
                } else {
                    problems.append(.tooManyPositional(index: index, accepted: positional.count))
                }
                nextPositional += 1
                continue
            }
            if bound[label] != nil {
                problems.append(.duplicate(label: label, index: index))
            } else if labelled.contains(where: { $0.name == label }) {
                bound[label] = index
            } else if positional.contains(where: { $0.name == label }) {
                problems.append(.labelOnPositional(label: label, index: index))
            } else {
                let suggestion = Suggestion.closestOrAlias(to: label, in: labelled.map(\.name).filter { bound[$0] == nil })
                problems.append(.unknownLabel(label: label, index: index, suggestion: suggestion))
            }
        }
        for parameter in parameters where parameter.isRequired && bound[parameter.name] == nil {
            let wasLabelledWrongly = problems.contains {
                if case .labelOnPositional(let l, _) = $0 { return l == parameter.name }
                return false
            }
            if !wasLabelledWrongly { problems.append(.missing(parameter: parameter.name, positional: parameter.isPositional)) }
        }
        return (bound, problems)
    }
}

/// Why the arguments of a call do not fit a signature.
public enum BindingProblem: Hashable, Sendable {
    /// More positional arguments than positional parameters; `index` is the first extra one.
    case tooManyPositional(index: Int, accepted: Int)
    /// A label that names no parameter.
    case unknownLabel(label: String, index: Int, suggestion: String?)
    /// A label on a parameter that is passed by position.
    case labelOnPositional(label: String, index: Int)
    /// The same parameter given twice.
    case duplicate(label: String, index: Int)
    /// A required parameter not given.
    case missing(parameter: String, positional: Bool)
}

/// What a rule knows about one argument of a call.
public struct ArgumentFact: Sendable {
    /// Its static type.
    public var type: ValueType
    /// Its value, when known before running.
    public var constant: ConstantValue?
    /// Where the argument's value starts.
    public var range: SourceRange

    /// A fact from its parts.
    public init(type: ValueType, constant: ConstantValue?, range: SourceRange) {
        self.type = type
        self.constant = constant
        self.range = range
    }
}

/// What a rule knows about a call: the receiver's type for members, and the arguments by parameter name.
public struct CallFacts: Sendable {
    /// The type of the value before the `.` for a member; nil for functions.
    public var receiver: ValueType?
    /// The arguments given, by parameter name.
    public var arguments: [String: ArgumentFact]
    /// The defaults of parameters not given, by name.
    public var defaults: [String: ConstantValue]

    /// Facts from their parts.
    public init(receiver: ValueType? = nil, arguments: [String: ArgumentFact], defaults: [String: ConstantValue] = [:]) {
        self.receiver = receiver
        self.arguments = arguments
        self.defaults = defaults
    }

    /// The type of the argument for `name`, if given.
    public func type(_ name: String) -> ValueType? { arguments[name]?.type }

    /// The known value of `name`: the argument's constant, or the default when not given.
    public func constant(_ name: String) -> ConstantValue? {
        if let argument = arguments[name] { return argument.constant }
        return defaults[name]
    }

    /// The known integer value of `name`, if any.
    public func int(_ name: String) -> Int? {
        if case .int(let i)? = constant(name) { return i }
        return nil
    }
}

/// A problem a rule found in a call.
public struct CallProblem: Sendable {
    /// The message, lower-case.
    public var message: String
    /// The parameter whose argument it points at; nil to point at the call.
    public var parameter: String?
    /// How serious it is.
    public var severity: Severity
    /// Which message it is, when raised from a `DiagnosticMessage`.
    public var id: MessageID?
    /// The message's arguments, as text.
    public var arguments: [String]

    /// A problem from its parts.
    public init(_ message: String, at parameter: String? = nil, severity: Severity = .error) {
        self.message = message
        self.parameter = parameter
        self.severity = severity
        self.id = nil
        self.arguments = []
    }

    /// The problem `message`, pointing at the argument for `parameter` (or the call).
    public init(_ message: some DiagnosticMessage, at parameter: String? = nil) {
        self.message = message.text
        self.parameter = parameter
        self.severity = message.severity
        self.id = message.id
        self.arguments = message.arguments
    }

    /// The diagnostic of the problem at `range`.
    public func diagnostic(at range: SourceRange) -> Diagnostic {
        var diagnostic = Diagnostic(severity, message, at: range.start, length: range.length)
        diagnostic.id = id
        diagnostic.arguments = arguments
        return diagnostic
    }
}

/// The refined result type of a call, and the problems found on the way.
public struct CallOutcome: Sendable {
    /// The result type.
    public var result: ValueType
    /// Problems to report.
    public var problems: [CallProblem]

    /// An outcome from its parts.
    public init(_ result: ValueType, problems: [CallProblem] = []) {
        self.result = result
        self.problems = problems
    }
}

/// A builtin's own check: argument facts in, refined result type and problems out.
public typealias CallRule = @Sendable (CallFacts) -> CallOutcome
