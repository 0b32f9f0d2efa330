/// How `unroll check` compares a cell's recorded values with the baseline.
public enum CheckMode: String, Equatable, Hashable, Sendable, Codable, CaseIterable {
    /// Values must be identical.
    case exact
    /// Numbers may differ within the tolerances (`rtol`, `atol`).
    case loose
    /// The cell's values are not compared.
    case ignore
}
