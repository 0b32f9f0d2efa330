import UnrollTensor

/// One tensor of a safetensors file.
public struct SafetensorsTensor: Equatable {
    /// The element type it was stored as.
    public let dtype: SafetensorsDType
    /// Its shape (`[]` for a scalar).
    public let shape: [Int]
    /// Its elements converted to `Float`, with `shape`.
    public let values: Tensor
    /// Its elements as integers, for the integer types (nil for floating-point ones).
    public let integers: [Int]?

    /// A tensor from its parts; `values` must have `shape`.
    public init(dtype: SafetensorsDType, shape: [Int], values: Tensor, integers: [Int]? = nil) {
        precondition(values.shape == shape, "safetensors tensor: values of shape \(values.shape) for shape \(shape)")
        precondition(integers == nil || integers!.count == values.count,
                     "safetensors tensor: \(integers!.count) integers for shape \(shape)")
        self.dtype = dtype
        self.shape = shape
        self.values = values
        self.integers = integers
    }
}
