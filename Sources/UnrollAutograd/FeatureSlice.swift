import UnrollTensor

/// A range of the features (columns) of a rank-2 variable.
extension Variable {
    /// Columns `start ..< end` of this `(R, C)` value, `(R, end − start)`; backward places the gradient in those
    /// columns of a zero `(R, C)` gradient.
    public func columns(_ start: Int, _ end: Int) -> Variable {
        precondition(value.rank == 2, "columns: a rank-2 value is needed, got \(shape)")
        let rows = shape[0], cols = shape[1], width = end - start
        precondition(start >= 0 && start < end && end <= cols, "columns: \(start)..<\(end) outside \(cols) columns")
        let a = self
        var out = Tensor(uninitialized: [rows, width])
        let src = value.storage.base
        out.withUnsafeMutableBufferPointer { o in
            for r in 0..<rows { (o.baseAddress! + r * width).update(from: src + r * cols + start, count: width) }
        }
        return Variable(value: out, inputs: [a]) { g in
            var full = Tensor(zeros: [rows, cols])
            let gp = g.storage.base
            full.withUnsafeMutableBufferPointer { f in
                for r in 0..<rows { (f.baseAddress! + r * cols + start).update(from: gp + r * width, count: width) }
            }
            a.accumulateGrad(full)
        }
    }
}
