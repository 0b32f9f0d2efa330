#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import UnrollLanguage
import UnrollRecord

extension Interpreter {
    /// `table(rows, columns:)`: rows of values under named columns.
    func tableBuiltin(_ arguments: Arguments) throws -> Value {
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
    }

    /// `len(value)`: the number of items.
    func lenBuiltin(_ arguments: Arguments) throws -> Value {
        try Self.count(try arguments.value("value"), arguments.place("value"))
    }

    /// `round(x, digits)`: rounded half away from zero to `digits` decimals.
    func roundBuiltin(_ arguments: Arguments) throws -> Value {
        let x = try arguments.double("x"), digits = try arguments.int("digits")
        guard x.isFinite else { return .float(x) }
        guard digits <= 300 else { return .float(x) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = x * scale
        guard scaled.isFinite else { return .float(x) }
        return .float(scaled.rounded(.toNearestOrAwayFromZero) / scale)
    }

    /// `min(values)`: the smallest number.
    func minBuiltin(_ arguments: Arguments) throws -> Value {
        try extreme(arguments, "min") { $0 < $1 }
    }

    /// `max(values)`: the largest number.
    func maxBuiltin(_ arguments: Arguments) throws -> Value {
        try extreme(arguments, "max") { $0 > $1 }
    }

    /// `mean(values)`: the arithmetic mean.
    func meanBuiltin(_ arguments: Arguments) throws -> Value {
        let values = try numbers(arguments, "mean").map { $0.number! }
        return .float(values.reduce(0, +) / Double(values.count))
    }

    /// `abs(x)`: the absolute value, of the same type.
    func absBuiltin(_ arguments: Arguments) throws -> Value {
        switch try arguments.value("x") {
        case .int(let i):
            guard i != Int.min else { throw arguments.error("integer overflow in 'abs'", at: "x") }
            return .int(Swift.abs(i))
        case let other: return .float(Swift.abs(other.number ?? .nan))
        }
    }

    /// `exp(x)`.
    func expBuiltin(_ arguments: Arguments) throws -> Value { .float(exp(try arguments.double("x"))) }

    /// `log(x)`, the natural logarithm of a positive number.
    func logBuiltin(_ arguments: Arguments) throws -> Value {
        let x = try arguments.double("x")
        guard x > 0 else { throw arguments.error("'x' must be positive, got \(NumberText.format(x))", at: "x") }
        return .float(log(x))
    }

    /// `str(value)`: the value as `print` shows it.
    func strBuiltin(_ arguments: Arguments) throws -> Value { .string(try arguments.value("value").text) }

    /// The numbers of a non-empty list or series, as values (ints stay ints).
    private func numbers(_ arguments: Arguments, _ what: String) throws -> [Value] {
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

    private func extreme(_ arguments: Arguments, _ what: String, _ better: (Double, Double) -> Bool) throws -> Value {
        let values = try numbers(arguments, what)
        var best = values[0]
        for value in values.dropFirst() where better(value.number!, best.number!) { best = value }
        return best
    }
}
