#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import UnrollDiagnostics
import UnrollLanguage
import UnrollRecord

extension BuiltinLibrary {
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
    static let utility: [Builtin] = [
        .function(Signature(
            name: "table", family: .utility,
            parameters: [
                .positional("rows", .list(.list(.unknown)), doc: "one list of values per row"),
                .labelled("columns", .list(.string), doc: "the column headings, one per value in a row"),
            ],
            result: .table,
            doc: "A table to `show`; numbers are formatted the same way in every report."
        )) { _, arguments in
            guard case .list(let rowValues) = try arguments.value("rows") else {
                throw arguments.error("argument 'rows' of 'table' expects a list of lists", at: "rows")
            }
            guard case .list(let columnValues) = try arguments.value("columns") else {
                throw arguments.error("argument 'columns' of 'table' expects a list of strings", at: "columns")
            }
            let columns = columnValues.map(\.text)
            var rows: [[TableCell]] = []
            for (i, rowValue) in rowValues.enumerated() {
                guard case .list(let cells) = rowValue else {
                    throw arguments.error("row \(i + 1) of the table is \(rowValue.type.withArticle), not a list", at: "rows")
                }
                guard cells.count == columns.count else {
                    throw arguments.error("row \(i + 1) of the table has \(cells.count) value\(cells.count == 1 ? "" : "s") "
                        + "for \(columns.count) column\(columns.count == 1 ? "" : "s")", at: "rows")
                }
                rows.append(cells.map { cell in cell.number.map(TableCell.number) ?? .text(cell.text) })
            }
            return .table(TableOutput(columns: columns, rows: rows))
        },
        .function(Signature(
            name: "len", family: .utility,
            parameters: [.positional("value", .oneOf([.list(.unknown), .string, .range, .series, .corpus, .anyDataset, .vocabulary]),
                                     doc: "something with a size")],
            result: .int,
            doc: "The number of items: list elements, characters, epochs, tokens in a corpus, examples, vocabulary entries."
        )) { _, arguments in
            try BuiltinLibrary.count(try arguments.value("value"), arguments.place("value"))
        },
        .function(Signature(
            name: "round", family: .utility,
            parameters: [
                .positional("x", .number, doc: "the number"),
                .positional("digits", .int, .value(.int(0)), .nonNegative, doc: "digits after the decimal point"),
            ],
            result: .float,
            doc: "The number rounded half away from zero to `digits` decimals."
        )) { _, arguments in
            let x = try arguments.double("x"), digits = try arguments.int("digits")
            guard x.isFinite else { return .float(x) }
            guard digits <= 300 else { return .float(x) }
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            let scaled = x * scale
            guard scaled.isFinite else { return .float(x) }
            return .float(scaled.rounded(.toNearestOrAwayFromZero) / scale)
        },
        .function(Signature(
            name: "min", family: .utility,
            parameters: [.positional("values", numbers, doc: "a non-empty list or series of numbers")],
            result: .number,
            doc: "The smallest value.",
            rule: { facts in CallOutcome(elementType(facts)) }
        )) { _, arguments in
            try extreme(arguments, "min") { $0 < $1 }
        },
        .function(Signature(
            name: "max", family: .utility,
            parameters: [.positional("values", numbers, doc: "a non-empty list or series of numbers")],
            result: .number,
            doc: "The largest value.",
            rule: { facts in CallOutcome(elementType(facts)) }
        )) { _, arguments in
            try extreme(arguments, "max") { $0 > $1 }
        },
        .function(Signature(
            name: "mean", family: .utility,
            parameters: [.positional("values", numbers, doc: "a non-empty list or series of numbers")],
            result: .float,
            doc: "The arithmetic mean."
        )) { _, arguments in
            let values = try numericValues(arguments, "mean").map { $0.number! }
            return .float(values.reduce(0, +) / Double(values.count))
        },
        .function(Signature(
            name: "abs", family: .utility,
            parameters: [.positional("x", .number, doc: "the number")],
            result: .number,
            doc: "The absolute value.",
            rule: { facts in CallOutcome(facts.type("x").flatMap { $0.isNumeric ? $0 : nil } ?? .number) }
        )) { _, arguments in
            switch try arguments.value("x") {
            case .int(let i):
                guard i != Int.min else { throw arguments.error(ExpressionMessage.integerOverflow(op: "abs"), at: "x") }
                return .int(Swift.abs(i))
            case let other: return .float(Swift.abs(other.number ?? .nan))
            }
        },
        .function(Signature(
            name: "exp", family: .utility,
            parameters: [.positional("x", .number, doc: "the exponent")],
            result: .float,
            doc: "The exponential e^x (turns a mean cross-entropy into a perplexity)."
        )) { _, arguments in .float(exp(try arguments.double("x"))) },
        .function(Signature(
            name: "log", family: .utility,
            parameters: [.positional("x", .number, .required, .positive, doc: "a positive number")],
            result: .float,
            doc: "The natural logarithm."
        )) { _, arguments in
            let x = try arguments.double("x")
            guard x > 0 else { throw arguments.error("'x' must be positive, got \(NumberText.format(x))", at: "x") }
            return .float(log(x))
        },
        .function(Signature(
            name: "str", family: .utility,
            parameters: [.positional("value", .unknown, doc: "any value")],
            result: .string,
            doc: "The value as text, formatted as `print` shows it."
        )) { _, arguments in .string(try arguments.value("value").text) },
        .function(Signature(
            name: "series", family: .utility,
            parameters: [
                .positional("values", numbers, doc: "the y values: a list of numbers, or a Series such as `lm.history.valid.loss`"),
                .labelled("x", .list(.number), .absent, doc: "one x value per value; without it 1, 2, 3, …"),
                .labelled("name", .string, .absent, doc: "the legend entry; without it the expression as written"),
                .labelled("style", .string, .absent, .oneOf(SeriesStyle.allCases.map(\.rawValue)),
                          doc: "`lines`, `points` (a scatter plot) or `both`; without it the plot's `style`"),
            ],
            result: .series,
            doc: "A Series to `plot`, alone or in a list with others and with histories: values at their x positions, "
                + "with a legend name and a drawing style."
        )) { _, arguments in
            var series: SeriesValue
            switch try arguments.value("values") {
            case .series(let s): series = s
            case .list(let items):
                guard items.allSatisfy({ $0.number != nil }) else {
                    throw arguments.error("'series' needs numbers, got \(items.first { $0.number == nil }!.type) in the list", at: "values")
                }
                series = SeriesValue(values: items.map { $0.number! })
            case let other: throw arguments.error("'series' needs a list or series of numbers, got \(other.type)", at: "values")
            }
            if case .list(let items)? = arguments["x"] {
                guard items.count == series.values.count else {
                    throw arguments.error(TrainingMessage.pointCounts(
                        xs: arguments.source("x", or: "x"), xCount: items.count,
                        ys: arguments.source("values", or: "values"), yCount: series.values.count), at: "x")
                }
                series.x = items.map { $0.number ?? .nan }
            }
            if arguments["name"] != nil { series.label = try arguments.string("name") }
            if arguments["style"] != nil { series.style = SeriesStyle(rawValue: try arguments.string("style")) }
            return .series(series)
        },
    ]
}

extension BuiltinLibrary {
    /// The numbers of a non-empty list or series, as values (ints stay ints).
    private static func numericValues(_ arguments: Arguments, _ what: String) throws -> [Value] {
        let values: [Value]
        switch try arguments.value("values") {
        case .list(let items): values = items
        case .series(let s): values = s.values.map(Value.float)
        case let other: throw arguments.error("'\(what)' needs a list or series of numbers, got \(other.type)", at: "values")
        }
        guard !values.isEmpty else { throw arguments.error("'\(what)' of an empty list has no value", at: "values") }
        if let bad = values.first(where: { $0.number == nil }) {
            throw arguments.error("'\(what)' needs numbers, got \(bad.type) in the list", at: "values")
        }
        return values
    }

    private static func extreme(_ arguments: Arguments, _ what: String, _ better: (Double, Double) -> Bool) throws -> Value {
        let values = try numericValues(arguments, what)
        var best = values[0]
        for value in values.dropFirst() where better(value.number!, best.number!) { best = value }
        return best
    }
}
