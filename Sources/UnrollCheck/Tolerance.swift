import UnrollRecord
import UnrollSettings

/// How closely one cell's values must match the baseline: the comparison mode and the tolerances in effect.
///
/// Numbers match when `|actual − expected| ≤ atol + rtol·|expected|`, or when both are NaN, or when they are
/// the same infinity. Defaults: `exact` uses rtol 1e-6 and atol 1e-9 (tight enough to catch any real change,
/// loose enough to absorb last-bit differences between BLAS builds); `loose` uses rtol 1e-2 and atol 1e-4 and
/// compares text with runs of whitespace collapsed; `ignore` compares no values (only the cell's status).
/// Precedence for each tolerance: the cell's `rtol=`/`atol=` option, then the defaults of the cell's
/// `check=loose` option, then the notebook's front-matter `check:` tolerances, then the mode's defaults.
public struct Tolerance: Equatable, Sendable {
    /// The relative and absolute tolerances of `exact` mode when nothing else is set.
    public static let exactDefaults = (relative: 1e-6, absolute: 1e-9)
    /// The relative and absolute tolerances of `loose` mode when nothing else is set.
    public static let looseDefaults = (relative: 1e-2, absolute: 1e-4)

    /// How values are compared.
    public var mode: CheckMode
    /// The relative tolerance (rtol).
    public var relative: Double
    /// The absolute tolerance (atol).
    public var absolute: Double

    /// A tolerance from its parts.
    public init(mode: CheckMode, relative: Double, absolute: Double) {
        self.mode = mode
        self.relative = relative
        self.absolute = absolute
    }

    /// The tolerance for a cell: its own settings win over the notebook's, which win over the defaults.
    public static func resolve(cell: CheckSettings?, notebook: CheckSettings?) -> Tolerance {
        let mode = cell?.mode ?? notebook?.mode ?? .exact
        let defaults = mode == .loose ? looseDefaults : exactDefaults
        let cellSaysLoose = cell?.mode == .loose
        let relative = cell?.relativeTolerance ?? (cellSaysLoose ? looseDefaults.relative : nil)
            ?? notebook?.relativeTolerance ?? defaults.relative
        let absolute = cell?.absoluteTolerance ?? (cellSaysLoose ? looseDefaults.absolute : nil)
            ?? notebook?.absoluteTolerance ?? defaults.absolute
        return Tolerance(mode: mode, relative: relative, absolute: absolute)
    }

    /// Whether `actual` is close enough to `expected`; NaN matches NaN and an infinity matches itself.
    public func accepts(expected: Double, actual: Double) -> Bool {
        if expected == actual || (expected.isNaN && actual.isNaN) { return true }
        guard expected.isFinite, actual.isFinite else { return false }
        return abs(actual - expected) <= absolute + relative * abs(expected)
    }

    /// Whether two texts match: exactly, or in `loose` mode with runs of whitespace collapsed and the ends trimmed.
    public func accepts(expected: String, actual: String) -> Bool {
        if expected == actual { return true }
        guard mode == .loose else { return false }
        return Tolerance.normalized(expected) == Tolerance.normalized(actual)
    }

    /// The text with each run of whitespace replaced by one space and no leading or trailing whitespace.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
