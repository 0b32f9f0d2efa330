#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CRecurrentKernels

/// Element-wise and reduction kernels on plain tensors (no gradients; the autograd ops build on these).
extension Tensor {
    /// Applies `f` to every element.
    @inlinable
    public func map(_ f: (Float) -> Float) -> Tensor {
        var out = Tensor(uninitialized: shape)
        out.withUnsafeMutableBufferPointer { o in
            let x = storage.base
            for i in 0..<o.count { o[i] = f(x[i]) }
        }
        return out
    }

    /// Combines two same-shaped tensors element by element.
    @inlinable
    public static func zip(_ a: Tensor, _ b: Tensor, _ f: (Float, Float) -> Float) -> Tensor {
        precondition(a.shape == b.shape, "element-wise op: shapes differ: \(a.shape) and \(b.shape)")
        var out = Tensor(uninitialized: a.shape)
        out.withUnsafeMutableBufferPointer { o in
            let x = a.storage.base, y = b.storage.base
            for i in 0..<o.count { o[i] = f(x[i], y[i]) }
        }
        return out
    }

    /// Element-wise sum.
    public static func + (a: Tensor, b: Tensor) -> Tensor { zip(a, b, +) }
    /// Element-wise difference.
    public static func - (a: Tensor, b: Tensor) -> Tensor { zip(a, b, -) }
    /// Element-wise product.
    public static func * (a: Tensor, b: Tensor) -> Tensor { zip(a, b, *) }
    /// Every element times a scalar.
    public static func * (a: Tensor, s: Float) -> Tensor { a.map { $0 * s } }

    /// Adds `other` (same shape) into this tensor in place, times `scale`.
    public mutating func add(_ other: Tensor, scale: Float = 1) {
        precondition(other.count == count, "add: sizes differ: \(shape) and \(other.shape)")
        let src = other.storage.base
        withUnsafeMutableBufferPointer { d in
            if scale == 1 { for i in 0..<d.count { d[i] += src[i] } }
            else { for i in 0..<d.count { d[i] += scale * src[i] } }
        }
    }

    /// Sum of all elements (accumulated in `Double`).
    public func sum() -> Float {
        var s = 0.0
        let x = storage.base
        for i in 0..<count { s += Double(x[i]) }
        return Float(s)
    }

    /// Sum of squares of all elements (accumulated in `Double`).
    public func sumOfSquares() -> Double {
        var s = 0.0
        let x = storage.base
        for i in 0..<count { s += Double(x[i]) * Double(x[i]) }
        return s
    }

    /// Largest absolute element (0 for an empty tensor).
    public func maxAbs() -> Float {
        var m: Float = 0
        let x = storage.base
        for i in 0..<count { m = Swift.max(m, Swift.abs(x[i])) }
        return m
    }

    /// Sums a `(R, C)` view over its rows, giving `(C)` (each column summed in row order).
    public func sumRows() -> Tensor {
        precondition(rank >= 1, "sumRows: needs rank ≥ 1, got \(shape)")
        let cols = shape[rank - 1], rows = cols == 0 ? 0 : count / cols
        var out = Tensor(uninitialized: [cols])
        out.withUnsafeMutableBufferPointer { o in
            unroll_sum_rows(storage.base, rows, Int32(cols), cols, o.baseAddress!)
        }
        return out
    }

    /// Index of the largest element in each row of a `(R, C)` view.
    public func argmaxRows() -> [Int] {
        let cols = shape[rank - 1], rows = cols == 0 ? 0 : count / cols
        let x = storage.base
        return (0..<rows).map { r in
            var best = 0
            for c in 1..<Swift.max(cols, 1) where x[r * cols + c] > x[r * cols + best] { best = c }
            return best
        }
    }

    /// The matrix transpose of a rank-2 tensor.
    public func transposed() -> Tensor {
        precondition(rank == 2, "transposed: needs rank 2, got \(shape)")
        let r = shape[0], c = shape[1]
        var out = Tensor(uninitialized: [c, r])
        out.withUnsafeMutableBufferPointer { o in
            let x = storage.base
            for i in 0..<r { for j in 0..<c { o[j * r + i] = x[i * c + j] } }
        }
        return out
    }
}
