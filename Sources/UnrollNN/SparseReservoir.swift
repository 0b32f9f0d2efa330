import UnrollTensor

/// The fixed recurrent matrix of an echo state network in compressed sparse rows, scaled to a spectral radius.
public struct SparseReservoir: Sendable {
    /// The number of units (rows and columns).
    public let size: Int
    /// Where each row's entries start in `columns` and `values`; `size + 1` offsets.
    public let rowStarts: [Int]
    /// The column of each stored entry, increasing within a row.
    public let columns: [Int]
    /// The weight of each stored entry.
    public let values: [Float]
    /// The spectral radius of the drawn matrix before it was scaled.
    public let drawnRadius: Double

    /// Draws each of the `size²` connections with probability `density` and a weight from U(−1, 1) (row by row,
    /// column by column, from `rng`), then scales the matrix so that its spectral radius is `spectralRadius`.
    /// Throws when the drawn matrix has spectral radius 0 (too sparse to have a cycle) and a radius is asked for.
    public init(size: Int, density: Double, spectralRadius: Double, rng: inout RandomGenerator,
                checkpoint: () throws -> Void = {}) throws {
        precondition(size > 0 && density > 0 && density <= 1, "reservoir: size \(size), density \(density)")
        var starts = [0], columns: [Int] = [], drawn: [Float] = []
        let threshold = Float(density)
        for _ in 0..<size {
            for j in 0..<size where rng.nextUnitFloat() < threshold {
                columns.append(j)
                drawn.append(rng.uniform(-1, 1))
            }
            starts.append(columns.count)
        }
        var dense = [Double](repeating: 0, count: size * size)
        for i in 0..<size { for e in starts[i]..<starts[i + 1] { dense[i * size + columns[e]] = Double(drawn[e]) } }
        let radius = try SpectralRadius.estimate(of: dense, size: size, checkpoint: checkpoint)
        if radius == 0, spectralRadius > 0 {
            throw EchoStateError("the drawn reservoir has spectral radius 0 (\(columns.count) connections among \(size) units "
                + "form no cycle); raise 'density' or 'reservoir'")
        }
        let factor = radius == 0 ? 0 : spectralRadius / radius
        self.size = size
        self.rowStarts = starts
        self.columns = columns
        self.values = drawn.map { Float(Double($0) * factor) }
        self.drawnRadius = radius
    }

    /// The number of stored connections.
    public var connectionCount: Int { values.count }

    /// The matrix as `size × size` row-major Doubles (for tests and measurements).
    public var dense: [Double] {
        var out = [Double](repeating: 0, count: size * size)
        for i in 0..<size { for e in rowStarts[i]..<rowStarts[i + 1] { out[i * size + columns[e]] = Double(values[e]) } }
        return out
    }

    /// Adds `W·state` to each of `size` pre-activations: `out[i] = Σ_e values[e]·state[columns[e]]` over row `i`'s
    /// entries in increasing column order, one fused multiply-add chain from +0 per row (the numerics contract).
    @inline(__always)
    func product(_ state: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        rowStarts.withUnsafeBufferPointer { starts in
            columns.withUnsafeBufferPointer { columns in
                values.withUnsafeBufferPointer { values in
                    for i in 0..<size {
                        var acc: Float = 0
                        for e in starts[i]..<starts[i + 1] { acc = acc.addingProduct(values[e], state[columns[e]]) }
                        out[i] = acc
                    }
                }
            }
        }
    }
}
