import UnrollTensor

/// Element-wise arithmetic on variables of equal shape, plus the bias broadcast `(R, C) + (C)`.
extension Variable {
    /// `a + b` element-wise.
    public static func + (a: Variable, b: Variable) -> Variable {
        Variable(value: a.value + b.value, inputs: [a, b]) { g in
            a.accumulateGrad(g)
            b.accumulateGrad(g)
        }
    }

    /// `a - b` element-wise.
    public static func - (a: Variable, b: Variable) -> Variable {
        Variable(value: a.value - b.value, inputs: [a, b]) { g in
            a.accumulateGrad(g)
            b.accumulateGrad(g * -1)
        }
    }

    /// `a * b` element-wise.
    public static func * (a: Variable, b: Variable) -> Variable {
        let av = a.value, bv = b.value
        return Variable(value: av * bv, inputs: [a, b]) { g in
            if a.requiresGrad { a.accumulateGrad(g * bv) }
            if b.requiresGrad { b.accumulateGrad(g * av) }
        }
    }

    /// `-a`.
    public static prefix func - (a: Variable) -> Variable { a.scaled(by: -1) }

    /// Every element times the constant `s`.
    public func scaled(by s: Float) -> Variable {
        let a = self
        return Variable(value: value * s, inputs: [a]) { g in a.accumulateGrad(g * s) }
    }

    /// Every element plus the constant `s`.
    public func adding(_ s: Float) -> Variable {
        let a = self
        return Variable(value: value.map { $0 + s }, inputs: [a]) { g in a.accumulateGrad(g) }
    }

    /// Adds the vector `bias` `(C)` to every row of this `(…, C)` value.
    public func addingRowVector(_ bias: Variable) -> Variable {
        let a = self
        let cols = value.shape.last ?? 1
        precondition(bias.value.count == cols,
                     "add bias: bias of shape \(bias.shape) for rows of \(cols) in shape \(value.shape)")
        var out = Tensor(uninitialized: value.shape)
        let rows = value.count / max(cols, 1)
        let bp = bias.value.storage.base, xp = value.storage.base
        out.withUnsafeMutableBufferPointer { o in
            let op = o.baseAddress!
            for r in 0..<rows {
                let src = xp + r * cols, dst = op + r * cols
                for c in 0..<cols { dst[c] = src[c] + bp[c] }
            }
        }
        return Variable(value: out, inputs: [a, bias]) { g in
            a.accumulateGrad(g)
            if bias.requiresGrad { bias.accumulateGrad(g.sumRows().reshaped(bias.shape)) }
        }
    }

    /// Multiplies element-wise by a constant tensor (a mask or fixed weights); no gradient flows to `mask`.
    public func multiplied(byConstant mask: Tensor) -> Variable {
        let a = self
        return Variable(value: value * mask, inputs: [a]) { g in a.accumulateGrad(g * mask) }
    }
}
