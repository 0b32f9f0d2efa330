/// A recurrent connection from `h_{t−d}` (Goodfellow et al. 10.9.1), with its own weights `W_skip`, and whether the
/// length-one connection from `h_{t−1}` stays (removing it, 10.9.3, leaves only the `d`-step path).
public struct SkipConnection: Equatable, Sendable {
    /// The distance `d ≥ 2` in steps.
    public var distance: Int
    /// Whether `h_{t−1}` still feeds `h_t` through `W_hh`.
    public var keepsOneStep: Bool

    /// A connection from its parts.
    public init(distance: Int, keepsOneStep: Bool = true) {
        self.distance = distance
        self.keepsOneStep = keepsOneStep
    }
}
