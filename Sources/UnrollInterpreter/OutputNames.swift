/// Hands out the stable names of a cell's outputs: `print-1`, `print-2`, `plot-1`, … numbered per kind in
/// the order the statements run (a statement in a loop gets a new number each time round).
struct OutputNames {
    private var counts: [String: Int] = [:]

    /// The next name for an output of `kind` (`print`, `show`, `plot`, `expect`, `fit`).
    mutating func next(_ kind: String) -> String {
        let n = (counts[kind] ?? 0) + 1
        counts[kind] = n
        return "\(kind)-\(n)"
    }
}
