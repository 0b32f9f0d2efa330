#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import UnrollLanguage

extension BuiltinLibrary {
    /// A problem when `range`'s known ends hold no ints.
    private static func emptyRangeProblem(_ facts: CallFacts) -> CallProblem? {
        guard let first = facts.int("a") else { return nil }
        let (lower, upper) = facts.arguments["b"] == nil ? (0, first) : (first, facts.int("b") ?? Int.max)
        guard lower >= upper else { return nil }
        return CallProblem(BuiltinMessage.emptyRangeCall(lower: lower, upper: upper), at: facts.arguments["b"] == nil ? "a" : "b")
    }

    /// A one-argument function of a double, for the functions of the C library that are the same on every
    /// x86-64 machine with FMA (the numerics contract, rule 4) and that no per-element work depends on.
    private static func scalarFunction(_ name: String, _ doc: String, _ body: @escaping @Sendable (Double) -> Double) -> Builtin {
        .function(Signature(
            name: name, family: .utility,
            parameters: [.positional("x", .number, doc: "the number")],
            result: .float,
            doc: doc
        )) { _, arguments in .float(body(try arguments.double("x"))) }
    }

    /// Numbers: trigonometry, roots and `range`; `pi` is a constant name (`MathConstant`).
    static let math: [Builtin] = [
        scalarFunction("sin", "The sine of `x` radians.") { sin($0) },
        scalarFunction("cos", "The cosine of `x` radians.") { cos($0) },
        .function(Signature(
            name: "sqrt", family: .utility,
            parameters: [.positional("x", .number, .required, .nonNegative, doc: "a number that is not negative")],
            result: .float,
            doc: "The square root (correctly rounded, as IEEE 754 requires)."
        )) { _, arguments in
            let x = try arguments.double("x")
            guard x >= 0 else { throw arguments.error("'x' must be non-negative, got \(NumberText.format(x))", at: "x") }
            return .float(x.squareRoot())
        },
        .function(Signature(
            name: "range", family: .utility,
            parameters: [
                .positional("a", .int, doc: "with one argument, how many ints (from 0); with two, the first int"),
                .positional("b", .int, .absent, doc: "the end, left out: `range(2, 5)` is `2...4`"),
            ],
            result: .range,
            doc: "The ints `0...n-1` (`range(n)`) or `a...b-1` (`range(a, b)`), as in Python; both are ranges like `0...4`.",
            rule: { facts in CallOutcome(.range, problems: [emptyRangeProblem(facts)].compactMap { $0 }) }
        )) { _, arguments in
            let first = try arguments.int("a")
            let (lower, upper) = arguments.wasGiven("b") ? (first, try arguments.int("b")) : (0, first)
            guard lower < upper else {
                throw arguments.error(BuiltinMessage.emptyRangeCall(lower: lower, upper: upper), at: arguments.wasGiven("b") ? "b" : "a")
            }
            return .range(lower, upper - 1)
        },
    ]
}
