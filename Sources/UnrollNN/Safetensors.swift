#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import UnrollTensor

/// A malformed, unreadable or unwritable safetensors file, described by a lower-case message.
public struct SafetensorsError: Error, Equatable, CustomStringConvertible {
    /// What went wrong, e.g. `truncated header: the file has 5 bytes, fewer than the 8-byte length prefix`.
    public let message: String

    /// An error with the given message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

/// The element types this library reads from safetensors files (others are reported as unsupported).
public enum SafetensorsDType: String, CaseIterable, Sendable {
    /// 32-bit IEEE float.
    case f32 = "F32"
    /// 64-bit IEEE float (converted to `Float` on reading).
    case f64 = "F64"
    /// 16-bit IEEE half (converted exactly to `Float`).
    case f16 = "F16"
    /// bfloat16, the upper half of a `Float` (converted exactly).
    case bf16 = "BF16"
    /// 64-bit signed integer (kept as `[Int]`, and converted to `Float`).
    case i64 = "I64"
    /// 32-bit signed integer (kept as `[Int]`, and converted to `Float`).
    case i32 = "I32"

    /// The size of one element in bytes.
    public var byteCount: Int {
        switch self {
        case .f64, .i64: return 8
        case .f32, .i32: return 4
        case .f16, .bf16: return 2
        }
    }

    /// Whether the elements are integers.
    public var isInteger: Bool { self == .i64 || self == .i32 }

    /// Data types of the safetensors format that this library does not read.
    static let unsupported: Set<String> = [
        "BOOL", "U8", "I8", "U16", "I16", "U32", "U64", "F8_E4M3", "F8_E5M2", "F8_E8M0", "F6_E2M3", "F6_E3M2",
        "F4", "C64",
    ]
}

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

// MARK: - Reading

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
        value as? Int
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

// MARK: - Writing

extension Safetensors {
    /// The bytes of a safetensors file holding `tensors` as F32, `integers` as one-dimensional I64 arrays and
    /// `metadata`; names are sorted, so equal inputs give equal bytes.
    public static func encode(tensors: [String: Tensor], integers: [String: [Int]] = [:],
                              metadata: [String: String] = [:]) throws -> Data {
        for name in tensors.keys where integers[name] != nil {
            throw SafetensorsError("cannot write tensor '\(name)' twice: it is given both as floats and as integers")
        }
        let names = (Array(tensors.keys) + Array(integers.keys)).sorted(by: byteOrder)
        if names.contains("__metadata__") {
            throw SafetensorsError("cannot write a tensor named '__metadata__': the format reserves that name")
        }

        var header = "{"
        var fields: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted(by: byteOrder).map { "\(jsonString($0)):\(jsonString(metadata[$0]!))" }
            fields.append("\"__metadata__\":{" + pairs.joined(separator: ",") + "}")
        }
        var offset = 0
        for name in names {
            let (dtype, shape, size): (String, [Int], Int)
            if let t = tensors[name] {
                (dtype, shape, size) = ("F32", t.shape, 4 * t.count)
            } else {
                let ints = integers[name]!
                (dtype, shape, size) = ("I64", [ints.count], 8 * ints.count)
            }
            let dims = shape.map(String.init).joined(separator: ",")
            fields.append("\(jsonString(name)):{\"dtype\":\"\(dtype)\",\"shape\":[\(dims)],"
                          + "\"data_offsets\":[\(offset),\(offset + size)]}")
            offset += size
        }
        header += fields.joined(separator: ",") + "}"
        var headerBytes = Array(header.utf8)
        while headerBytes.count % 8 != 0 { headerBytes.append(0x20) }

        var out = Data(capacity: 8 + headerBytes.count + offset)
        withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(contentsOf: headerBytes)
        for name in names {
            if let t = tensors[name] {
                var words = [UInt32](repeating: 0, count: t.count)
                t.withUnsafeBufferPointer { src in
                    for i in 0..<src.count { words[i] = src[i].bitPattern.littleEndian }
                }
                words.withUnsafeBytes { out.append(contentsOf: $0) }
            } else {
                let words = integers[name]!.map { Int64($0).littleEndian }
                words.withUnsafeBytes { out.append(contentsOf: $0) }
            }
        }
        return out
    }

    /// Writes `tensors` (F32), `integers` (I64) and `metadata` to `url`, replacing any file there atomically.
    public static func write(tensors: [String: Tensor], integers: [String: [Int]] = [:],
                             metadata: [String: String] = [:], to url: URL) throws {
        let bytes = try encode(tensors: tensors, integers: integers, metadata: metadata)
        try writeAtomically(bytes, to: url.path)
    }

    /// `s` as a JSON string literal.
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

// MARK: - Files

extension Safetensors {
    /// The lower-case text of the current `errno`.
    private static func systemError() -> String {
        let text = String(cString: strerror(errno))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// All bytes of the file at `path`.
    static func readFile(_ path: String) throws -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SafetensorsError("cannot read '\(path)': \(systemError())") }
        defer { close(fd) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SafetensorsError("cannot read '\(path)': \(systemError())")
            }
            if n == 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        return data
    }

    /// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
    static func writeAtomically(_ bytes: Data, to path: String) throws {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SafetensorsError("cannot write '\(path)': \(systemError())") }
        var failure: String?
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = systemError()
                    return
                }
                done += n
            }
        }
        if close(fd) != 0, failure == nil { failure = systemError() }
        if failure == nil, rename(temporary, path) != 0 { failure = systemError() }
        if let failure {
            unlink(temporary)
            throw SafetensorsError("cannot write '\(path)': \(failure)")
        }
    }
}

/// `write(2)`, named apart from `Safetensors.write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}

/// `read(2)`, named apart for symmetry with `systemWrite`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
