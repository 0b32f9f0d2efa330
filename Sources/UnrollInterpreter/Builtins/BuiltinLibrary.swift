import UnrollDiagnostics
import UnrollLanguage

/// Every builtin of the language in one registry: the checker's catalog of signatures and the interpreter's
/// implementations both come from here.
///
/// A builtin is declared once, in the file of its family (`BuiltinLibrary+Data.swift`, …), as a `Builtin`
/// holding its signature and its implementation; adding one to a family touches that one file.
public struct BuiltinLibrary: Sendable {
    /// The signatures, for the checker, `unroll lint` and the reference in `docs/language.md`.
    public let catalog: Builtins
    /// Every builtin, in reference order.
    let builtins: [Builtin]
    private let functions: [String: (Signature, Builtin.FunctionBody)]
    private let methods: [String: (Signature, Builtin.MethodBody)]
    private let properties: [String: (Signature, Builtin.PropertyBody)]

    /// The library the language ships with.
    public static let standard = BuiltinLibrary(
        data + tasks + models + layers + optimizers + schedules + evaluation + gradients + metrics + tensors + utility + members
            + trainingControl + tensorMembers
            + statements
    )

    /// A library from its builtins; names must be unique and each signature's shape must fit its implementation.
    init(_ builtins: [Builtin]) {
        var functions: [String: (Signature, Builtin.FunctionBody)] = [:]
        var methods: [String: (Signature, Builtin.MethodBody)] = [:]
        var properties: [String: (Signature, Builtin.PropertyBody)] = [:]
        for builtin in builtins {
            let signature = builtin.signature
            if let problem = builtin.shapeProblem { preconditionFailure("builtin '\(signature.qualifiedName)': \(problem)") }
            switch builtin.implementation {
            case .function(let body): functions[signature.qualifiedName] = (signature, body)
            case .method(let body): methods[signature.qualifiedName] = (signature, body)
            case .property(let body): properties[signature.qualifiedName] = (signature, body)
            case .statement: break
            }
        }
        self.builtins = builtins
        self.functions = functions
        self.methods = methods
        self.properties = properties
        self.catalog = Builtins(
            functions: builtins.filter { if case .function = $0.implementation { return true }; return false }.map(\.signature),
            members: builtins.filter { $0.signature.receiver != nil }.map(\.signature),
            statementOptions: builtins.filter { if case .statement = $0.implementation { return true }; return false }
                .map(\.signature)
        )
    }

    /// The function `name` (`text`, `task.adding`): its signature and implementation.
    func function(named name: String) -> (signature: Signature, body: Builtin.FunctionBody)? {
        functions[name].map { (signature: $0.0, body: $0.1) }
    }

    /// The method `name` of the type called `receiver` (`Corpus`, `list`): its signature and implementation.
    func method(_ name: String, of receiver: String) -> (signature: Signature, body: Builtin.MethodBody)? {
        methods["\(receiver).\(name)"].map { (signature: $0.0, body: $0.1) }
    }

    /// The property `name` of the type called `receiver`: its signature and implementation.
    func property(_ name: String, of receiver: String) -> (signature: Signature, body: Builtin.PropertyBody)? {
        properties["\(receiver).\(name)"].map { (signature: $0.0, body: $0.1) }
    }
}
