/// Tolerances `unroll check` uses when comparing recorded numbers with a baseline; nil means "the default".
public struct CheckTolerances: Equatable, Hashable, Sendable, Codable {
    /// Relative tolerance: |actual − expected| ≤ atol + rtol·|expected|.
    public var rtol: Double?
    /// Absolute tolerance.
    public var atol: Double?

    /// Tolerances from their parts (both optional).
    public init(rtol: Double? = nil, atol: Double? = nil) {
        self.rtol = rtol
        self.atol = atol
    }
}
