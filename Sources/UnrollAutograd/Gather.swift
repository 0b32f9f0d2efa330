import UnrollTensor

/// Row gathering: the embedding lookup.
extension Variable {
    /// Rows `indices` of this `(V, E)` table, giving `(indices.count, E)`; backward scatter-adds into the table.
    public func gatherRows(_ indices: [Int]) -> Variable {
        let table = self
        precondition(value.rank == 2, "gather rows: needs a (V, E) table, got \(value.shape)")
        let v = value.shape[0], e = value.shape[1]
        var out = Tensor(uninitialized: [indices.count, e])
        let src = value.storage.base
        out.withUnsafeMutableBufferPointer { o in
            for (r, index) in indices.enumerated() {
                precondition(index >= 0 && index < v, "gather rows: index \(index) outside a table of \(v) rows")
                (o.baseAddress! + r * e).update(from: src + index * e, count: e)
            }
        }
        return Variable(value: out, inputs: [table]) { g in
            var d = Tensor(zeros: [v, e])
            let gp = g.storage.base
            d.withUnsafeMutableBufferPointer { dp in
                for (r, index) in indices.enumerated() {
                    let row = dp.baseAddress! + index * e, gr = gp + r * e
                    for c in 0..<e { row[c] += gr[c] }
                }
            }
            table.accumulateGrad(d)
        }
    }
}
