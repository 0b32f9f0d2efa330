import UnrollTensor

/// The sizes around `axis`: the product of the dimensions before it, and of those after it.
@inline(__always)
func outerInner(_ shape: [Int], _ axis: Int) -> (outer: Int, inner: Int) {
    (shape[..<axis].reduce(1, *), shape[(axis + 1)...].reduce(1, *))
}

extension Tensor {
    /// Joins tensors along an existing `axis`; all other dimensions must agree.
    public static func concat(_ parts: [Tensor], axis: Int) -> Tensor {
        precondition(!parts.isEmpty, "concat: needs at least one tensor")
        let first = parts[0].shape
        precondition(axis >= 0 && axis < first.count, "concat: axis \(axis) for shape \(first)")
        for p in parts {
            var a = p.shape, b = first
            precondition(a.count == b.count, "concat: ranks differ: \(parts.map(\.shape))")
            a[axis] = 0; b[axis] = 0
            precondition(a == b, "concat: shapes differ off axis \(axis): \(parts.map(\.shape))")
        }
        var shape = first
        shape[axis] = parts.reduce(0) { $0 + $1.shape[axis] }
        let (outer, inner) = outerInner(shape, axis)
        var out = Tensor(uninitialized: shape)
        out.withUnsafeMutableBufferPointer { o in
            let rowOut = shape[axis] * inner
            var offset = 0
            for p in parts {
                let width = p.shape[axis] * inner
                for i in 0..<outer {
                    (o.baseAddress! + i * rowOut + offset).update(from: p.storage.base + i * width, count: width)
                }
                offset += width
            }
        }
        return out
    }

    /// Cuts this tensor along `axis` into pieces of the given `sizes` (which must add up to the axis length).
    public func split(sizes: [Int], axis: Int) -> [Tensor] {
        precondition(axis >= 0 && axis < rank, "split: axis \(axis) for shape \(shape)")
        precondition(sizes.reduce(0, +) == shape[axis], "split: sizes \(sizes) do not add up to \(shape[axis]) in \(shape)")
        let (outer, inner) = outerInner(shape, axis)
        let rowIn = shape[axis] * inner
        var offset = 0
        return sizes.map { size in
            var s = shape
            s[axis] = size
            var piece = Tensor(uninitialized: s)
            let width = size * inner
            piece.withUnsafeMutableBufferPointer { o in
                for i in 0..<outer {
                    (o.baseAddress! + i * width).update(from: storage.base + i * rowIn + offset, count: width)
                }
            }
            offset += width
            return piece
        }
    }
}

/// Concatenation, splitting and stacking of variables.
extension Variable {
    /// Joins variables along an existing `axis`; backward splits the gradient back.
    public static func concat(_ parts: [Variable], axis: Int) -> Variable {
        let sizes = parts.map { $0.shape[axis] }
        return Variable(value: Tensor.concat(parts.map(\.value), axis: axis), inputs: parts) { g in
            for (p, piece) in zip(parts, g.split(sizes: sizes, axis: axis)) where p.requiresGrad {
                p.accumulateGrad(piece)
            }
        }
    }

    /// Cuts along `axis` into pieces of `sizes`; each piece's backward places its gradient in a zero tensor.
    public func split(sizes: [Int], axis: Int) -> [Variable] {
        let whole = self
        let pieces = value.split(sizes: sizes, axis: axis)
        var offset = 0
        return pieces.enumerated().map { index, piece in
            let before = offset
            offset += sizes[index]
            return Variable(value: piece, inputs: [whole]) { g in
                let zerosBefore = before, zerosAfter = whole.shape[axis] - before - sizes[index]
                var parts: [Tensor] = []
                var s = whole.shape
                if zerosBefore > 0 { s[axis] = zerosBefore; parts.append(Tensor(zeros: s)) }
                parts.append(g)
                if zerosAfter > 0 { s[axis] = zerosAfter; parts.append(Tensor(zeros: s)) }
                whole.accumulateGrad(Tensor.concat(parts, axis: axis))
            }
        }
    }

    /// Stacks same-shaped variables along a new `axis`.
    public static func stack(_ parts: [Variable], axis: Int) -> Variable {
        precondition(!parts.isEmpty, "stack: needs at least one variable")
        var expanded = parts[0].shape
        precondition(axis >= 0 && axis <= expanded.count, "stack: axis \(axis) for shape \(expanded)")
        expanded.insert(1, at: axis)
        let views = parts.map { p -> Variable in
            precondition(p.shape == parts[0].shape, "stack: shapes differ: \(parts.map(\.shape))")
            return p.reshaped(expanded)
        }
        return concat(views, axis: axis)
    }
}
