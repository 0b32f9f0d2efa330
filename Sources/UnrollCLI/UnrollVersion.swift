/// The version of Unroll, recorded in run records and printed by `unroll --version`.
enum UnrollVersion {
    /// The semantic version string.
    static let string = "0.1.0"
}
