import UnrollDiagnostics
import UnrollLanguage

/// One builtin of the language: its signature (what the checker and the reference read) and its
/// implementation (what the interpreter runs), declared together so that neither can exist without the other.
struct Builtin: Sendable {
    /// What a function does: arguments arrive bound, type-checked and defaulted.
    typealias FunctionBody = @Sendable (Interpreter, Arguments) throws -> Value
    /// What a method does with its receiver (the value before the `.`) and its bound arguments.
    typealias MethodBody = @Sendable (Interpreter, Value, Arguments) throws -> Value
    /// What a property gives for its receiver; the range is the member's name, for messages.
    typealias PropertyBody = @Sendable (Interpreter, Value, SourceRange) throws -> Value

    /// How the interpreter runs a builtin, by the shape of its signature.
    enum Implementation: Sendable {
        /// A function or namespaced function: `text(…)`, `task.adding(…)`.
        case function(FunctionBody)
        /// A method of a type: `corpus.split(0.9)`.
        case method(MethodBody)
        /// A property of a type, read without parentheses: `corpus.vocab`.
        case property(PropertyBody)
        /// The options of a statement (`fit`, `plot`), which the statement itself reads.
        case statement
    }

    /// The declaration the checker, the interpreter and `docs/language.md` read.
    let signature: Signature
    /// What runs when a notebook calls it.
    let implementation: Implementation

    /// A builtin from its signature and implementation; `BuiltinLibrary` checks that the two have the same shape.
    private init(_ signature: Signature, _ implementation: Implementation) {
        self.signature = signature
        self.implementation = implementation
    }

    /// A function (no receiver, with parameters) and what it does.
    static func function(_ signature: Signature, _ body: @escaping FunctionBody) -> Builtin {
        Builtin(signature, .function(body))
    }

    /// A method (a receiver, with parameters) and what it does.
    static func method(_ signature: Signature, _ body: @escaping MethodBody) -> Builtin {
        Builtin(signature, .method(body))
    }

    /// A property (a receiver, no parameters) and what it gives.
    static func property(_ signature: Signature, _ body: @escaping PropertyBody) -> Builtin {
        Builtin(signature, .property(body))
    }

    /// The options record of a statement, implemented by the statement.
    static func statement(_ signature: Signature) -> Builtin {
        Builtin(signature, .statement)
    }

    /// Why the signature's shape does not fit the implementation's kind, or nil when it does.
    var shapeProblem: String? {
        let s = signature
        switch implementation {
        case .function:
            if s.receiver != nil || s.isProperty || s.family == .statements { return "a function needs parameters and no receiver" }
        case .method:
            if s.receiver == nil || s.isProperty { return "a method needs a receiver and parameters" }
        case .property:
            if s.receiver == nil || !s.isProperty { return "a property needs a receiver and no parameters" }
        case .statement:
            if s.receiver != nil || s.family != .statements { return "statement options belong to the statements family" }
        }
        return nil
    }
}
