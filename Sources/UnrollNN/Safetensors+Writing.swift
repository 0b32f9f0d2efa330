import Foundation
import UnrollFileIO
import UnrollTensor

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
            let pairs = metadata.keys.sorted(by: byteOrder).map { "\(JSONString.quote($0)):\(JSONString.quote(metadata[$0]!))" }
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
            fields.append("\(JSONString.quote(name)):{\"dtype\":\"\(dtype)\",\"shape\":[\(dims)],"
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
        do {
            try AtomicFile.write(bytes, to: url.path)
        } catch let failure as SystemCallError {
            throw SafetensorsError(cannot: "write", url.path, failure)
        }
    }
}
