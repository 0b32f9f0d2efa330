/// How `unroll check` compares a cell's recorded values with the baseline (`check=` in the info string).
public enum CheckMode: String, Equatable, Hashable, Sendable, Codable, CaseIterable {
    /// Values must be identical.
    case exact
    /// Numbers may differ within the relative and absolute tolerances (`rtol`, `atol`).
    case loose
    /// The cell's values are not compared.
    case ignore
}
