#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import UnrollFileIO
import UnrollTensor

extension Safetensors {
    /// Reads and checks the file at `url`.
    public init(contentsOf url: URL) throws {
        try self.init(data: Safetensors.readFile(url.path))
    }

    /// Parses and checks the bytes of a safetensors file.
    public init(data: Data) throws {
        let total = data.count
        guard total >= 8 else {
            throw SafetensorsError("truncated header: the file has \(total) bytes, fewer than the 8-byte length prefix")
        }
        let headerLength = data.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard headerLength <= UInt64(Safetensors.maximumHeaderBytes) else {
            throw SafetensorsError("header length \(headerLength) exceeds the limit of \(Safetensors.maximumHeaderBytes) bytes")
        }
        let headerBytes = Int(headerLength)
        guard headerBytes <= total - 8 else {
            throw SafetensorsError("truncated header: the length prefix says \(headerBytes) bytes but only \(total - 8) follow")
        }
        let headerStart = data.startIndex + 8
        let header = data.subdata(in: headerStart ..< headerStart + headerBytes)
        let dataStart = 8 + headerBytes, dataSize = total - dataStart

        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: header, options: []) as? [String: Any] else {
                throw SafetensorsError("malformed header: the json is not an object")
            }
            object = parsed
        } catch let error as SafetensorsError {
            throw error
        } catch {
            throw SafetensorsError("malformed header: not valid json")
        }

        var metadata: [String: String] = [:]
        if let raw = object["__metadata__"] {
            guard let map = raw as? [String: Any] else {
                throw SafetensorsError("malformed header: __metadata__ must be an object of strings")
            }
            for (key, value) in map {
                guard let s = value as? String else {
                    throw SafetensorsError("malformed header: __metadata__ value for '\(key)' is not a string")
                }
                metadata[key] = s
            }
        }

        var layout: [(name: String, dtype: SafetensorsDType, shape: [Int], begin: Int, end: Int)] = []
        for name in object.keys.sorted(by: Safetensors.byteOrder) where name != "__metadata__" {
            let e = try Safetensors.parseEntry(name: name, object[name]!, dataSize: dataSize)
            layout.append((name, e.dtype, e.shape, e.begin, e.end))
        }

        // The tensors must tile the data section: no overlaps, no gaps, nothing left over.
        let ordered = layout.sorted { ($0.begin, $0.end) < ($1.begin, $1.end) }
        var cursor = 0
        var previous: (name: String, begin: Int, end: Int)?
        for t in ordered {
            if t.begin < cursor, let p = previous {
                throw SafetensorsError("overlapping offsets: tensors '\(p.name)' [\(p.begin), \(p.end)] and "
                                       + "'\(t.name)' [\(t.begin), \(t.end)] share bytes")
            }
            if t.begin > cursor {
                let after = previous.map { "after '\($0.name)'" } ?? "at the start of the data"
                throw SafetensorsError("non-contiguous offsets: bytes [\(cursor), \(t.begin)] \(after) "
                                       + "belong to no tensor (next is '\(t.name)')")
            }
            if t.end > cursor || previous == nil { previous = (t.name, t.begin, t.end) }
            cursor = max(cursor, t.end)
        }
        if cursor != dataSize {
            let after = previous.map { " after '\($0.name)'" } ?? ""
            throw SafetensorsError("non-contiguous offsets: bytes [\(cursor), \(dataSize)]\(after) at the end of "
                                   + "the data belong to no tensor")
        }

        var tensors: [String: SafetensorsTensor] = [:]
        data.withUnsafeBytes { raw in
            for t in layout {
                let bytes = UnsafeRawBufferPointer(rebasing: raw[(dataStart + t.begin) ..< (dataStart + t.end)])
                tensors[t.name] = Safetensors.decode(bytes, dtype: t.dtype, shape: t.shape)
            }
        }
        self.init(tensors: tensors, metadata: metadata)
    }

    /// Checks one header entry against the format and the data section's size.
    private static func parseEntry(name: String, _ raw: Any, dataSize: Int) throws
        -> (dtype: SafetensorsDType, shape: [Int], begin: Int, end: Int)
    {
        guard let fields = raw as? [String: Any] else {
            throw SafetensorsError("malformed header: entry '\(name)' is not an object")
        }
        guard let dtypeName = fields["dtype"] as? String else {
            throw SafetensorsError("malformed header: tensor '\(name)' has no string 'dtype'")
        }
        guard let dtype = SafetensorsDType(rawValue: dtypeName) else {
            let supported = SafetensorsDType.allCases.map(\.rawValue).joined(separator: ", ")
            let kind = SafetensorsDType.unsupported.contains(dtypeName) ? "unsupported" : "unknown"
            throw SafetensorsError("\(kind) dtype '\(dtypeName)' for tensor '\(name)'; supported: \(supported)")
        }
        guard let shapeList = fields["shape"] as? [Any] else {
            throw SafetensorsError("malformed header: tensor '\(name)' has no 'shape' list")
        }
        let shape = shapeList.compactMap(exactInteger)
        guard shape.count == shapeList.count, shape.allSatisfy({ $0 >= 0 }) else {
            throw SafetensorsError("malformed header: shape of tensor '\(name)' must list non-negative integers")
        }
        guard let offsetList = fields["data_offsets"] as? [Any], offsetList.count == 2,
              let begin = exactInteger(offsetList[0]), let end = exactInteger(offsetList[1]),
              begin >= 0, end >= 0
        else {
            throw SafetensorsError("malformed header: data_offsets of tensor '\(name)' must be two non-negative integers")
        }
        guard begin <= end else {
            throw SafetensorsError("offsets out of range: tensor '\(name)' has data_offsets [\(begin), \(end)] "
                                   + "that end before they begin")
        }
        guard end <= dataSize else {
            throw SafetensorsError("offsets out of range: tensor '\(name)' has data_offsets [\(begin), \(end)] "
                                   + "but the data section has \(dataSize) bytes")
        }
        var bytes = dtype.byteCount, overflow = false
        for extent in shape where !overflow {
            (bytes, overflow) = bytes.multipliedReportingOverflow(by: extent)
        }
        guard !overflow, bytes == end - begin else {
            throw SafetensorsError("tensor '\(name)': shape \(shape) of \(dtype.rawValue) needs "
                                   + (overflow ? "more bytes than fit in memory" : "\(bytes) bytes")
                                   + " but data_offsets [\(begin), \(end)] cover \(end - begin)")
        }
        return (dtype, shape, begin, end)
    }

    /// An integer JSON value, or nil for anything else (fractions, strings, out-of-range numbers).
    private static func exactInteger(_ value: Any) -> Int? {
        // JSONSerialization hands `true` and `false` over as NSNumbers that also read as 1 and 0; a JSON
        // boolean is not a size.
        if let number = value as? NSNumber, String(cString: number.objCType) == "c" { return nil }
        return value as? Int
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

    /// All bytes of the file at `path`.
    public static func readFile(_ path: String) throws -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SafetensorsError(cannot: "read", path, SystemCallError(path: path)) }
        defer { close(fd) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SafetensorsError(cannot: "read", path, SystemCallError(path: path))
            }
            if n == 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        return data
    }
}

/// `read(2)`, named apart from the methods called `read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
