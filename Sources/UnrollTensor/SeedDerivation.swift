/// The seeds of a statistical check (`unroll check --seeds K`): run 0 keeps a seed as written, and run `i ≥ 1`
/// replaces it by the `i`-th output of SplitMix64 started from it, so every seed of a notebook (its front
/// matter's and each `seed N` statement's) moves to its own fixed, well-spread stand-in.
public enum SeedDerivation {
    /// The seed that run `run` (0-based) of a `--seeds` check uses in place of `seed`: `seed` itself for run 0,
    /// else `mix(seed + run · 0x9E3779B97F4A7C15)` with SplitMix64's output function `mix`.
    public static func seed(_ seed: UInt64, run: Int) -> UInt64 {
        precondition(run >= 0, "seed run must not be negative, got \(run)")
        guard run > 0 else { return seed }
        var z = seed &+ UInt64(run) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
