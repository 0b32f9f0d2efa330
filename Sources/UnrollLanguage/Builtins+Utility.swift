extension Builtins {
    private static let numbers = ValueType.oneOf([.list(.number), .series])

    /// The element type of a list or series of numbers.
    private static func elementType(_ facts: CallFacts) -> ValueType {
        switch facts.type("values") {
        case .list(let element)? where element.isNumeric: return element
        case .series?: return .float
        default: return .number
        }
    }

    /// Small helpers for tables and numbers.
    static let utilityFunctions: [Signature] = [
        Signature(
            name: "table", family: .utility,
            parameters: [
                .positional("rows", .list(.list(.unknown)), doc: "one list of values per row"),
                .labelled("columns", .list(.string), doc: "the column headings, one per value in a row"),
            ],
            result: .table,
            doc: "A table to `show`; numbers are formatted the same way in every report."
        ),
        Signature(
            name: "len", family: .utility,
            parameters: [.positional("value", .oneOf([.list(.unknown), .string, .range, .series, .corpus, .anyDataset, .vocabulary]),
                                     doc: "something with a size")],
            result: .int,
            doc: "The number of items: list elements, characters, epochs, tokens in a corpus, examples, vocabulary entries."
        ),
        Signature(
            name: "round", family: .utility,
            parameters: [
                .positional("x", .number, doc: "the number"),
                .positional("digits", .int, .value(.int(0)), .nonNegative, doc: "digits after the decimal point"),
            ],
            result: .float,
            doc: "The number rounded half away from zero to `digits` decimals."
        ),
        Signature(
            name: "min", family: .utility,
            parameters: [.positional("values", numbers, doc: "a non-empty list or series of numbers")],
            result: .number,
            doc: "The smallest value.",
            rule: { facts in CallOutcome(elementType(facts)) }
        ),
        Signature(
            name: "max", family: .utility,
            parameters: [.positional("values", numbers, doc: "a non-empty list or series of numbers")],
            result: .number,
            doc: "The largest value.",
            rule: { facts in CallOutcome(elementType(facts)) }
        ),
        Signature(
            name: "mean", family: .utility,
            parameters: [.positional("values", numbers, doc: "a non-empty list or series of numbers")],
            result: .float,
            doc: "The arithmetic mean."
        ),
        Signature(
            name: "abs", family: .utility,
            parameters: [.positional("x", .number, doc: "the number")],
            result: .number,
            doc: "The absolute value.",
            rule: { facts in CallOutcome(facts.type("x").flatMap { $0.isNumeric ? $0 : nil } ?? .number) }
        ),
        Signature(
            name: "exp", family: .utility,
            parameters: [.positional("x", .number, doc: "the exponent")],
            result: .float,
            doc: "The exponential e^x (turns a mean cross-entropy into a perplexity)."
        ),
        Signature(
            name: "log", family: .utility,
            parameters: [.positional("x", .number, .required, .positive, doc: "a positive number")],
            result: .float,
            doc: "The natural logarithm."
        ),
        Signature(
            name: "str", family: .utility,
            parameters: [.positional("value", .unknown, doc: "any value")],
            result: .string,
            doc: "The value as text, formatted as `print` shows it."
        ),
    ]
}
