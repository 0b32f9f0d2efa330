import Foundation

/// One value of a notebook (a scalar, or a series line's final point) over the K seeds of a statistical check:
/// the K numbers in seed order, their mean and their sample standard deviation.
public struct SeedSample: Equatable, Sendable {
    /// The cell's id.
    public var cellID: String
    /// The line of the cell's opening fence in the `.md` file.
    public var line: Int
    /// Where the value is inside the cell: `output` for a scalar, `output/line` for a series line's final point.
    public var valuePath: String
    /// The value in each seed's run, in seed order.
    public var values: [Double]
    /// The mean of `values` (summed in order).
    public var mean: Double
    /// The sample standard deviation of `values` (divisor K − 1; 0 for one value).
    public var standardDeviation: Double

    /// A sample of `values` (at least one), computing its mean and standard deviation.
    public init(cellID: String, line: Int, valuePath: String, values: [Double]) {
        precondition(!values.isEmpty, "a seed sample needs at least one value")
        self.cellID = cellID
        self.line = line
        self.valuePath = valuePath
        self.values = values
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        self.mean = mean
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        standardDeviation = values.count > 1 ? (squares / (n - 1)).squareRoot() : 0
    }

    /// Equal when the keys and lines match and the numbers are equal, counting NaN as equal to NaN.
    public static func == (lhs: SeedSample, rhs: SeedSample) -> Bool {
        lhs.cellID == rhs.cellID && lhs.line == rhs.line && lhs.valuePath == rhs.valuePath
            && sameNumbers(lhs.values, rhs.values) && sameNumber(lhs.mean, rhs.mean)
            && sameNumber(lhs.standardDeviation, rhs.standardDeviation)
    }

    /// `cell/valuePath`, the sample's key across records.
    public var key: String { "\(cellID)/\(valuePath)" }

    /// `{"cell", "line", "value", "values", "mean", "sd"}`.
    var json: JSONValue {
        .object([
            "cell": .string(cellID), "line": .integer(line), "value": .string(valuePath),
            "values": .array(values.map(JSONValue.double)), "mean": .double(mean), "sd": .double(standardDeviation),
        ])
    }

    /// Reads the JSON form; `mean` and `sd` must be those of `values`, as written.
    init(json: JSONValue, path: String) throws {
        var reader = try JSONObjectReader(json, path: path)
        let values = try reader.doubles("values")
        guard !values.isEmpty else {
            throw RecordDecodingError(path: reader.path(of: "values"), message: "expected at least one value")
        }
        self.init(cellID: try reader.string("cell"), line: try reader.integer("line"),
                  valuePath: try reader.string("value"), values: values)
        let mean = try reader.double("mean"), sd = try reader.double("sd")
        guard sameNumber(mean, self.mean), sameNumber(sd, standardDeviation) else {
            throw RecordDecodingError(path: path, message: "mean \(mean) and sd \(sd) are not those of its values "
                                      + "(\(self.mean), \(standardDeviation)); re-create it with 'unroll check --update --seeds K'")
        }
        try reader.finish()
    }
}
