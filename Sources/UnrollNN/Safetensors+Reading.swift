import Foundation
import UnrollFileIO
import UnrollTensor

extension Safetensors {
    /// Reads and checks the file at `url`: its length prefix and header first, then, when they fit the file,
    /// the data. A file that cannot be opened or changes while read is a `SafetensorsError` naming the cause.
    public init(contentsOf url: URL) throws {
        let bytes: [UInt8], layout: SafetensorsLayout
        do {
            let file = try OpenedFile(path: url.path)
            layout = try SafetensorsLayout(reading: file)
            bytes = try file.readAll()
        } catch let error as SandboxError {
            throw SafetensorsError(cannot: "read", url.path, error)
        }
        self.init(layout: layout, bytes: bytes)
    }

    /// Parses and checks the bytes of a safetensors file.
    public init(data: Data) throws {
        let bytes = [UInt8](data)
        let layout = try SafetensorsLayout(fileSize: bytes.count) { offset, count in Array(bytes[offset ..< offset + count]) }
        self.init(layout: layout, bytes: bytes)
    }

    /// The tensors of a file whose checked `layout` was read from it and whose `bytes` are all of it.
    public init(layout: SafetensorsLayout, bytes: [UInt8]) {
        precondition(bytes.count == layout.fileSize, "the bytes are not the file the layout was read from")
        var tensors: [String: SafetensorsTensor] = [:]
        bytes.withUnsafeBytes { raw in
            for t in layout.entries {
                let slice = UnsafeRawBufferPointer(rebasing: raw[(layout.dataStart + t.begin) ..< (layout.dataStart + t.end)])
                tensors[t.name] = Safetensors.decode(slice, dtype: t.dtype, shape: t.shape)
            }
        }
        self.init(tensors: tensors, metadata: layout.metadata)
    }

    /// Converts little-endian elements to a tensor (and integers for the integer types).
    static func decode(_ bytes: UnsafeRawBufferPointer, dtype: SafetensorsDType, shape: [Int]) -> SafetensorsTensor {
        let count = shape.reduce(1, *)
        var values = Tensor(zeros: shape)
        var integers: [Int]?
        /// Element `i`, read as a little-endian `T`.
        func element<T: FixedWidthInteger>(_ i: Int, as _: T.Type) -> T {
            T(littleEndian: bytes.loadUnaligned(fromByteOffset: i * MemoryLayout<T>.size, as: T.self))
        }
        values.withUnsafeMutableBufferPointer { out in
            switch dtype {
            case .f32:
                for i in 0..<count { out[i] = Float(bitPattern: element(i, as: UInt32.self)) }
            case .f64:
                for i in 0..<count { out[i] = Float(Double(bitPattern: element(i, as: UInt64.self))) }
            case .f16:
                for i in 0..<count { out[i] = halfToFloat(element(i, as: UInt16.self)) }
            case .bf16:
                for i in 0..<count { out[i] = Float(bitPattern: UInt32(element(i, as: UInt16.self)) << 16) }
            case .i64:
                let ints = (0..<count).map { Int(element($0, as: Int64.self)) }
                for i in 0..<count { out[i] = Float(ints[i]) }
                integers = ints
            case .i32:
                let ints = (0..<count).map { Int(element($0, as: Int32.self)) }
                for i in 0..<count { out[i] = Float(ints[i]) }
                integers = ints
            }
        }
        return SafetensorsTensor(dtype: dtype, shape: shape, values: values, integers: integers)
    }

    /// The exact `Float` value of an IEEE half-precision bit pattern (subnormals, infinities and NaN included).
    static func halfToFloat(_ h: UInt16) -> Float {
        let sign: Float = h & 0x8000 != 0 ? -1 : 1
        let exponent = Int((h >> 10) & 0x1F), mantissa = UInt32(h & 0x3FF)
        switch exponent {
        case 0:
            return sign * Float(mantissa) * 0x1p-24
        case 31:
            let bits = (h & 0x8000 != 0 ? UInt32(0x8000_0000) : 0) | 0x7F80_0000 | (mantissa << 13)
            return Float(bitPattern: bits)
        default:
            let sign = h & 0x8000 != 0 ? UInt32(0x8000_0000) : 0
            return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | (mantissa << 13))
        }
    }
}
