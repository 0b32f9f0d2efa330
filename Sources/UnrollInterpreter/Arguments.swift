import UnrollDiagnostics
import UnrollLanguage

/// The arguments of one builtin call (or the options of `fit` or `plot`) after binding: every parameter
/// given or defaulted, by name, with the place of each given argument for messages.
struct Arguments {
    /// The builtin's name, for messages: `LSTM`, `fit`.
    let owner: String
    /// The value of each parameter that was given or has a default.
    let values: [String: Value]
    /// Where each given argument's value is.
    let places: [String: SourceRange]
    /// Each given argument as written, for messages.
    let sources: [String: String]
    /// Where the call is, for problems that concern no single argument.
    let site: SourceRange

    /// The value of `name`, if given or defaulted.
    subscript(_ name: String) -> Value? { values[name] }

    /// The argument `name` as written, or `fallback` when it was not given.
    func source(_ name: String, or fallback: String) -> String { sources[name] ?? fallback }

    /// Whether the argument `name` was written in the call (not defaulted).
    func wasGiven(_ name: String) -> Bool { places[name] != nil }

    /// Where the argument `name` is, or the call when it was not given.
    func place(_ name: String) -> SourceRange { places[name] ?? site }

    /// An error pointing at argument `name` (or the call).
    func error(_ message: String, at name: String) -> RuntimeError {
        RuntimeError(message, at: place(name))
    }

    /// The error of `message` pointing at argument `name` (or the call).
    func error(_ message: some DiagnosticMessage, at name: String) -> RuntimeError {
        RuntimeError(message, at: place(name))
    }

    /// The value of `name`, which the binding guarantees is present (required or defaulted).
    func value(_ name: String) throws -> Value {
        guard let value = values[name] else { throw RuntimeError(CallMessage.missing(noun: "argument", parameter: name, owner: owner), at: site) }
        return value
    }

    /// The `int` argument `name`.
    func int(_ name: String) throws -> Int {
        try extract(name, "int") { if case .int(let i) = $0 { return i }; return nil }
    }

    /// The number argument `name`, as a double (ints widen).
    func double(_ name: String) throws -> Double {
        try extract(name, "float") { $0.number }
    }

    /// The number argument `name`, if given or defaulted.
    func optionalDouble(_ name: String) throws -> Double? {
        values[name] == nil ? nil : try double(name)
    }

    /// The `bool` argument `name`.
    func bool(_ name: String) throws -> Bool {
        try extract(name, "bool") { if case .bool(let b) = $0 { return b }; return nil }
    }

    /// The `string` argument `name`.
    func string(_ name: String) throws -> String {
        try extract(name, "string") { if case .string(let s) = $0 { return s }; return nil }
    }

    /// The model argument `name` (`model` unless said otherwise).
    func model(_ name: String = "model") throws -> ModelValue {
        let v = try value(name)
        guard case .model(let model) = v else { throw error(BuiltinMessage.modelExpected(owner: owner, got: v.type), at: name) }
        return model
    }

    /// The `int` or `range` argument `name` as a closed range (`5` is `5...5`).
    func lengths(_ name: String) throws -> ClosedRange<Int> {
        switch try value(name) {
        case .int(let n): return n...n
        case .range(let lo, let hi) where lo <= hi: return lo...hi
        case let other: throw mismatch(name, "int or range", other)
        }
    }

    /// The argument `name` as `pick` reads it, or the error that it is not `expected`.
    private func extract<T>(_ name: String, _ expected: String, _ pick: (Value) -> T?) throws -> T {
        let v = try value(name)
        guard let x = pick(v) else { throw mismatch(name, expected, v) }
        return x
    }

    private func mismatch(_ name: String, _ expected: String, _ got: Value) -> RuntimeError {
        error("argument '\(name)' of '\(owner)' expects \(expected), got \(got.type)", at: name)
    }
}
