/// A dense, row-major `Float` array with a shape, and value semantics (copy-on-write storage).
///
/// Shapes are described by letter in the documentation of the functions that take tensors:
/// `N` batch, `T` time steps, `F` input features, `H` hidden size, `G` gates, `V` vocabulary.
public struct Tensor {
    /// The extent of each dimension, outermost first.
    public private(set) var shape: [Int]
    /// The shared element buffer.
    public private(set) var storage: TensorStorage

    /// The number of elements (the product of `shape`).
    @inlinable public var count: Int { storage.count }
    /// The number of dimensions.
    @inlinable public var rank: Int { shape.count }

    /// A tensor of zeros with the given shape.
    public init(zeros shape: [Int]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "tensor: negative dimension in shape \(shape)")
        self.shape = shape
        self.storage = TensorStorage(count: shape.reduce(1, *))
    }

    /// A tensor whose elements are unspecified, for results the caller overwrites completely.
    public init(uninitialized shape: [Int]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "tensor: negative dimension in shape \(shape)")
        self.shape = shape
        self.storage = TensorStorage(count: shape.reduce(1, *), zeroed: false)
    }

    /// A tensor with every element equal to `value`.
    public init(shape: [Int], repeating value: Float) {
        self.init(uninitialized: shape)
        storage.base.update(repeating: value, count: count)
    }

    /// A tensor holding `scalars` in row-major order.
    public init(shape: [Int], scalars: [Float]) {
        self.init(uninitialized: shape)
        precondition(scalars.count == count,
                     "tensor: shape \(shape) holds \(count) elements, got \(scalars.count) scalars")
        scalars.withUnsafeBufferPointer { storage.base.update(from: $0.baseAddress!, count: count) }
    }

    /// A rank-0 tensor holding one value.
    public init(scalar: Float) {
        self.init(shape: [], scalars: [scalar])
    }

    /// A tensor sharing `storage` (which must hold exactly the shape's element count).
    public init(shape: [Int], storage: TensorStorage) {
        precondition(shape.reduce(1, *) == storage.count,
                     "tensor: shape \(shape) does not match storage of \(storage.count) elements")
        self.shape = shape
        self.storage = storage
    }

    /// The elements in row-major order.
    public var scalars: [Float] {
        Array(UnsafeBufferPointer(start: storage.base, count: count))
    }

    /// The single element of a one-element tensor.
    public var scalar: Float {
        precondition(count == 1, "tensor: scalar of a tensor with shape \(shape)")
        return storage.base[0]
    }

    /// Calls `body` with read access to the elements.
    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage.base, count: count))
    }

    /// Calls `body` with write access to the elements, copying the storage first if it is shared.
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (UnsafeMutableBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return try body(UnsafeMutableBufferPointer(start: storage.base, count: count))
    }

    /// The same elements viewed with another shape of equal element count (shares storage).
    public func reshaped(_ newShape: [Int]) -> Tensor {
        precondition(newShape.reduce(1, *) == count,
                     "reshape: cannot view shape \(shape) (\(count) elements) as \(newShape)")
        return Tensor(shape: newShape, storage: storage)
    }

    /// Element at a multi-dimensional index (slow; for tests and small tables).
    public subscript(index: Int...) -> Float {
        get { storage.base[flatIndex(index)] }
        set {
            let i = flatIndex(index)
            withUnsafeMutableBufferPointer { $0[i] = newValue }
        }
    }

    private func flatIndex(_ index: [Int]) -> Int {
        precondition(index.count == rank, "tensor: index \(index) for shape \(shape)")
        var flat = 0
        for (i, extent) in Swift.zip(index, shape) {
            precondition(i >= 0 && i < extent, "tensor: index \(index) out of range for shape \(shape)")
            flat = flat * extent + i
        }
        return flat
    }
}

extension Tensor: Equatable {
    /// Tensors are equal when their shapes and elements are equal.
    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        lhs.shape == rhs.shape && (lhs.storage === rhs.storage || lhs.scalars == rhs.scalars)
    }
}

extension Tensor: CustomStringConvertible {
    /// A short description: the shape and the first elements.
    public var description: String {
        let head = scalars.prefix(8).map { "\($0)" }.joined(separator: ", ")
        return "Tensor(\(shape): [\(head)\(count > 8 ? ", …" : "")])"
    }
}
