/// The catalog of everything the language provides: functions, members of types and statement options.
///
/// Every entry is a declarative `Signature`; the checker and the reference in `docs/language.md` read it. The
/// language's own catalog is made by the interpreter's `BuiltinLibrary`, where each signature is declared
/// together with its implementation, so that this module stays free of the model library.
public struct Builtins: Sendable {
    /// Functions, including namespaced ones such as `task.adding`, in reference order.
    public let functions: [Signature]
    /// Methods and properties of types, in reference order.
    public let members: [Signature]
    /// The options records of statements (`fit`, `plot`).
    public let statementOptions: [Signature]
    private let functionIndex: [String: Signature]
    private let memberIndex: [String: Signature]
    private let optionsIndex: [String: Signature]

    /// A catalog from its entries; names must be unique within functions, members of one type, and options.
    public init(functions: [Signature], members: [Signature], statementOptions: [Signature]) {
        self.functions = functions
        self.members = members
        self.statementOptions = statementOptions
        var functionIndex: [String: Signature] = [:]
        for f in functions {
            precondition(functionIndex[f.name] == nil, "builtins: function '\(f.name)' declared twice")
            functionIndex[f.name] = f
        }
        var memberIndex: [String: Signature] = [:]
        for m in members {
            precondition(m.receiver != nil, "builtins: member '\(m.name)' has no receiver")
            precondition(memberIndex[m.qualifiedName] == nil, "builtins: member '\(m.qualifiedName)' declared twice")
            memberIndex[m.qualifiedName] = m
        }
        var optionsIndex: [String: Signature] = [:]
        for o in statementOptions { optionsIndex[o.name] = o }
        self.functionIndex = functionIndex
        self.memberIndex = memberIndex
        self.optionsIndex = optionsIndex
    }

    /// The function called `name` (`text`, `task.adding`), if any.
    public func function(named name: String) -> Signature? { functionIndex[name] }

    /// The member `name` of the type called `receiver` (`Corpus`, `list`), if any.
    public func member(_ name: String, of receiver: String) -> Signature? { memberIndex["\(receiver).\(name)"] }

    /// Every member of the type called `receiver`, in reference order.
    public func members(of receiver: String) -> [Signature] { members.filter { $0.receiver == receiver } }

    /// The options of the statement `keyword` (`fit`, `plot`), if it takes any.
    public func options(of keyword: String) -> Signature? { optionsIndex[keyword] }

    /// The namespaces that group functions (`task`), sorted.
    public var namespaces: [String] {
        Array(Set(functions.compactMap { f in f.name.firstIndex(of: ".").map { String(f.name[..<$0]) } })).sorted()
    }

    /// The functions called without a namespace (`text`, `LSTM`), in reference order.
    public var globalFunctions: [Signature] { functions.filter { !$0.name.contains(".") } }

    /// The functions of `namespace` (`task.adding` for `task`), in reference order.
    public func functions(in namespace: String) -> [Signature] {
        functions.filter { $0.name.hasPrefix(namespace + ".") }
    }
}
