import UnrollTensor

/// The contents of a safetensors file: named tensors and string metadata.
///
/// Format: an 8-byte little-endian header length `n`, `n` bytes of JSON mapping each tensor name to
/// `{"dtype", "shape", "data_offsets": [begin, end]}` (offsets into the data section that follows) plus an
/// optional `"__metadata__"` object of strings, then the raw little-endian elements. Reading checks every
/// header field and that the tensors tile the data section exactly; writing sorts the names so the same
/// tensors always give the same bytes, pads the header with spaces to a multiple of 8, and replaces the
/// destination atomically (a temporary file in the same folder, then a rename).
public struct Safetensors {
    /// The tensors by name.
    public var tensors: [String: SafetensorsTensor]
    /// The `__metadata__` strings.
    public var metadata: [String: String]

    /// The largest header accepted (the limit of the reference implementation).
    public static let maximumHeaderBytes = 100_000_000

    /// A collection of tensors and metadata.
    public init(tensors: [String: SafetensorsTensor] = [:], metadata: [String: String] = [:]) {
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The tensor names in sorted order.
    public var names: [String] { tensors.keys.sorted(by: Safetensors.byteOrder) }

    /// The elements of the tensor `name` as `Float`s.
    public func tensor(_ name: String) throws -> Tensor {
        try entry(name).values
    }

    /// The elements of the integer tensor `name`, flattened.
    public func integers(_ name: String) throws -> [Int] {
        let e = try entry(name)
        guard let ints = e.integers else {
            throw SafetensorsError("tensor '\(name)' holds \(e.dtype.rawValue) values, not integers")
        }
        return ints
    }

    private func entry(_ name: String) throws -> SafetensorsTensor {
        guard let e = tensors[name] else {
            let known = names.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
            throw SafetensorsError("no tensor named '\(name)' in the file (it has \(tensors.count): \(known)"
                                   + (tensors.count > 8 ? ", …)" : ")"))
        }
        return e
    }

    /// Sorts names by their UTF-8 bytes, the order the writer uses.
    static func byteOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
