import UnrollTensor

/// A vector repeated as the rows of a matrix (a bias or per-unit weight, the same for every sequence of a batch).
extension Variable {
    /// This `(C)` vector as each of `rows` rows, `(rows, C)`; backward sums the gradient's rows (per-element chains
    /// in row order, the numerics contract's column sum).
    public func repeatedRows(_ rows: Int) -> Variable {
        precondition(value.rank == 1, "repeated rows: a vector is needed, got \(shape)")
        let a = self, cols = shape[0]
        var out = Tensor(uninitialized: [rows, cols])
        let src = value.storage.base
        out.withUnsafeMutableBufferPointer { o in
            for r in 0..<rows { (o.baseAddress! + r * cols).update(from: src, count: cols) }
        }
        return Variable(value: out, inputs: [a]) { g in a.accumulateGrad(g.sumRows().reshaped([cols])) }
    }
}
