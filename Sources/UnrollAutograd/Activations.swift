import UnrollTensor

/// Element-wise non-linearities. Each backward uses the saved output where the derivative allows it.
extension Variable {
    /// The hyperbolic tangent; `d/dx = 1 - y²`.
    public func tanh() -> Variable {
        let a = self
        let y = value.applying(.tanh)
        return Variable(value: y, inputs: [a]) { g in
            a.accumulateGrad(Tensor.zip(g, y) { g, y in g * (1 - y * y) })
        }
    }

    /// The logistic sigmoid; `d/dx = y (1 - y)`.
    public func sigmoid() -> Variable {
        let a = self
        let y = value.applying(.sigmoid)
        return Variable(value: y, inputs: [a]) { g in
            a.accumulateGrad(Tensor.zip(g, y) { g, y in g * y * (1 - y) })
        }
    }

    /// The rectifier `max(0, x)`; its derivative at 0 is taken as 0, as PyTorch does.
    public func relu() -> Variable {
        let a = self
        let x = value
        return Variable(value: x.map { max(0, $0) }, inputs: [a]) { g in
            a.accumulateGrad(Tensor.zip(g, x) { g, x in x > 0 ? g : 0 })
        }
    }

    /// The exponential; `d/dx = y`.
    public func exp() -> Variable {
        let a = self
        let y = value.applying(.exp)
        return Variable(value: y, inputs: [a]) { g in a.accumulateGrad(g * y) }
    }

    /// The natural logarithm; `d/dx = 1/x`.
    public func log() -> Variable {
        let a = self
        let x = value
        return Variable(value: x.applying(.log), inputs: [a]) { g in
            a.accumulateGrad(Tensor.zip(g, x) { g, x in g / x })
        }
    }
}
