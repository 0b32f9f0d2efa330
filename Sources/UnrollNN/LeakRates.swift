/// The leak rates α of a `LeakyRNN`: one value for every unit, or several time scales spread over the units, fixed
/// or learned.
///
/// With `k` values over `H` units, unit `j` gets `values[⌊j·k / H⌋]`: the units fall into `k` contiguous groups as
/// equal as integer division makes them (`alpha: [1.0, 0.1, 0.01]` over 64 units gives groups of 22, 21 and 21).
/// Learned rates are `α = sigmoid(p)` with one parameter `p` per unit, initialised to `log(α / (1 − α))`.
public struct LeakRates: Equatable, Sendable {
    /// The given rates, each in (0, 1] (in (0, 1) when learned); at most `H` of them.
    public var values: [Float]
    /// Whether α is trained (as `sigmoid(p)`) rather than fixed.
    public var learned: Bool

    /// Rates from their parts.
    public init(values: [Float], learned: Bool = false) {
        self.values = values
        self.learned = learned
    }

    /// The rate of each of `hidden` units.
    public func perUnit(hidden: Int) -> [Float] {
        precondition(!values.isEmpty && values.count <= hidden,
                     "leak rates: \(values.count) values for \(hidden) units")
        return (0..<hidden).map { values[$0 * values.count / hidden] }
    }
}
