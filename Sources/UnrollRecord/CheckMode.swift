/// How `unroll check` compares a cell's recorded values with the baseline (`check=` in the info string).
public enum CheckMode: String, CaseIterable, Equatable, Sendable {
    /// Values must be identical.
    case exact
    /// Values must agree within the relative and absolute tolerances.
    case loose
    /// The cell's values are not compared.
    case ignore
}
