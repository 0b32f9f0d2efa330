import Foundation
import UnrollFileIO

/// The checked header of a safetensors file: where each tensor lies, read and checked against the file's
/// size before any tensor data is read, so a file whose header does not fit it costs no more than its header.
public struct SafetensorsLayout {
    /// One tensor's place in the data section.
    struct Entry {
        let name: String
        let dtype: SafetensorsDType
        let shape: [Int]
        let begin: Int
        let end: Int
    }

    /// The `__metadata__` strings.
    public let metadata: [String: String]
    /// The tensors, in sorted name order.
    let entries: [Entry]
    /// The file's size in bytes.
    public let fileSize: Int
    /// Where the data section starts: after the 8-byte length and the header.
    public let dataStart: Int

    /// The bytes the decoded tensors take in memory (4 a float, plus 8 an integer for the integer types).
    public var decodedBytes: Int {
        entries.reduce(0) { total, e in
            let count = (e.end - e.begin) / e.dtype.byteCount
            return total + count * (e.dtype == .i64 || e.dtype == .i32 ? 12 : 4)
        }
    }

    /// Reads the 8-byte length and the header of a file of `fileSize` bytes through `read(offset, count)` and
    /// checks them: the header's length against the file's size, every entry against the format, and every
    /// tensor's offsets against the data section and each other (they must tile it exactly).
    public init(fileSize: Int, read: (_ offset: Int, _ count: Int) throws -> [UInt8]) throws {
        guard fileSize >= 8 else {
            throw SafetensorsError("truncated header: the file has \(fileSize) bytes, fewer than the 8-byte length prefix")
        }
        let prefix = try read(0, 8)
        let headerLength = prefix.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard headerLength <= UInt64(Safetensors.maximumHeaderBytes) else {
            throw SafetensorsError("header length \(headerLength) exceeds the limit of \(Safetensors.maximumHeaderBytes) bytes")
        }
        let headerBytes = Int(headerLength)
        guard headerBytes <= fileSize - 8 else {
            throw SafetensorsError("header length \(headerBytes) is beyond the file's size: only \(fileSize - 8) bytes "
                                   + "follow the 8-byte length prefix")
        }
        let object = try SafetensorsLayout.parseHeader(Data(try read(8, headerBytes)))
        let dataSize = fileSize - 8 - headerBytes
        metadata = try SafetensorsLayout.metadata(object["__metadata__"])
        entries = try object.keys.sorted(by: Safetensors.byteOrder).filter { $0 != "__metadata__" }.map { name in
            try SafetensorsLayout.parseEntry(name: name, object[name]!, dataSize: dataSize)
        }
        try SafetensorsLayout.checkTiling(entries, dataSize: dataSize)
        self.fileSize = fileSize
        dataStart = 8 + headerBytes
    }

    /// Reads the layout of `file` (its length prefix and header only).
    public init(reading file: OpenedFile) throws {
        try self.init(fileSize: file.size) { try file.read(count: $1, at: $0) }
    }

    /// The header's JSON object.
    private static func parseHeader(_ header: Data) throws -> [String: Any] {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: header, options: [])
        } catch {
            throw SafetensorsError("malformed header: not valid json")
        }
        guard let object = parsed as? [String: Any] else { throw SafetensorsError("malformed header: the json is not an object") }
        return object
    }

    /// The `__metadata__` object's strings (none when it is absent).
    private static func metadata(_ raw: Any?) throws -> [String: String] {
        guard let raw else { return [:] }
        guard let map = raw as? [String: Any] else {
            throw SafetensorsError("malformed header: __metadata__ must be an object of strings")
        }
        var metadata: [String: String] = [:]
        for (key, value) in map {
            guard let s = value as? String else {
                throw SafetensorsError("malformed header: __metadata__ value for '\(key)' is not a string")
            }
            metadata[key] = s
        }
        return metadata
    }

    /// The tensors must tile the data section: no overlaps, no gaps, nothing left over.
    private static func checkTiling(_ entries: [Entry], dataSize: Int) throws {
        let ordered = entries.sorted { ($0.begin, $0.end) < ($1.begin, $1.end) }
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
    }

    /// Checks one header entry against the format and the data section's size.
    private static func parseEntry(name: String, _ raw: Any, dataSize: Int) throws -> Entry {
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
        return Entry(name: name, dtype: dtype, shape: shape, begin: begin, end: end)
    }

    /// An integer JSON value, or nil for anything else (fractions, strings, out-of-range numbers).
    private static func exactInteger(_ value: Any) -> Int? {
        // JSONSerialization hands `true` and `false` over as NSNumbers that also read as 1 and 0; a JSON
        // boolean is not a size.
        if let number = value as? NSNumber, String(cString: number.objCType) == "c" { return nil }
        return value as? Int
    }
}
