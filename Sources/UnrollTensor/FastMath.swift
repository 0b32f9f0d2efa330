import CRecurrentKernels

/// The project's own `exp`, `log`, `tanh` and `sigmoid`, one implementation shared with the C kernels.
///
/// They run the vector code of `Sources/CRecurrentKernels/math_template.h` (fused multiply-adds in a fixed order,
/// one correctly rounded division), so a value has the same bits on every instruction-set path, in the fused
/// recurrent kernels and on the tape. Accuracy is about 2e-7 relative (tested against the C library).
public enum FastMath {
    /// An element-wise function of the kernels.
    public enum Function: Sendable {
        /// `e^x`, for `x` clamped to [-87, 88].
        case exp
        /// The natural logarithm.
        case log
        /// The hyperbolic tangent.
        case tanh
        /// The logistic sigmoid `1 / (1 + e^-x)`.
        case sigmoid

        /// Applies the function to `count` floats from `source` into `destination` (which may be `source`).
        @inlinable
        public func apply(_ source: UnsafePointer<Float>, _ destination: UnsafeMutablePointer<Float>, count: Int) {
            switch self {
            case .exp: unroll_exp(source, destination, count)
            case .log: unroll_log(source, destination, count)
            case .tanh: unroll_tanh(source, destination, count)
            case .sigmoid: unroll_sigmoid(source, destination, count)
            }
        }

        /// The function of one value.
        @inlinable
        public func callAsFunction(_ x: Float) -> Float {
            var value = x
            withUnsafeMutablePointer(to: &value) { apply($0, $0, count: 1) }
            return value
        }
    }

    /// `e^x` for `x` clamped to [-87, 88].
    @inlinable public static func exp(_ x: Float) -> Float { Function.exp(x) }

    /// The natural logarithm (−∞ at 0, NaN below).
    @inlinable public static func log(_ x: Float) -> Float { Function.log(x) }

    /// The logistic sigmoid `1 / (1 + e^-x)`.
    @inlinable public static func sigmoid(_ x: Float) -> Float { Function.sigmoid(x) }

    /// The hyperbolic tangent.
    @inlinable public static func tanh(_ x: Float) -> Float { Function.tanh(x) }

    /// The canonical sum of `count` floats: the same bits on every path (16 partial sums, then a fixed tree).
    @inlinable
    public static func sum(_ values: UnsafePointer<Float>, count: Int) -> Float {
        unroll_sum(values, count)
    }
}

extension Tensor {
    /// The tensor with `function` applied to every element.
    public func applying(_ function: FastMath.Function) -> Tensor {
        var out = Tensor(uninitialized: shape)
        if count == 0 { return out }
        out.withUnsafeMutableBufferPointer { function.apply(storage.base, $0.baseAddress!, count: count) }
        return out
    }
}
