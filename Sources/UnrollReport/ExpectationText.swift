import UnrollRecord

/// How the reports word an `expect`'s outcome: a mark (✓ or ✗) and the values it compared, `0.982 ≥ 0.95` when
/// it held and `0.5 is not ≥ 0.95` when it did not, with the comparison written as its mathematical sign.
struct ExpectationText {
    /// `✓` or `✗`.
    let mark: String
    /// `passed` or `failed`, for screen readers.
    let word: String
    /// The values compared.
    let values: String

    /// The wording of `expectation`.
    init(_ expectation: Expectation) {
        mark = expectation.passed ? "✓" : "✗"
        word = expectation.passed ? "passed" : "failed"
        if let comparison = expectation.comparison, let right = expectation.right {
            let sign = Self.signs[comparison] ?? comparison
            values = expectation.left + (expectation.passed ? " " : " is not ") + sign + " " + right
        } else {
            values = expectation.left
        }
    }

    /// The sign each comparison operator is shown as.
    private static let signs = [">=": "≥", "<=": "≤", "!=": "≠", "==": "=", "<": "<", ">": ">"]
}
