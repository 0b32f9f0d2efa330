import Foundation

/// Sparse files: a few real bytes at the start and a size made with `truncate`, so a test can give a reader a
/// file of many gigabytes that takes no disk space and no time to make.
public enum SparseFile {
    /// Writes `prefix` to `path` and extends the file with a hole to `size` bytes.
    public static func write(_ path: String, prefix: [UInt8], size: Int) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(prefix)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        guard truncate(path, off_t(size)) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// The length prefix and header of a safetensors file holding one F32 tensor `name` of `tensorBytes` bytes
    /// (a multiple of 4): followed by that many bytes, a file that is valid in every field.
    public static func safetensorsHeader(tensorBytes: Int, name: String = "w") -> [UInt8] {
        let header = #"{"\#(name)": {"dtype": "F32", "shape": [\#(tensorBytes / 4)], "data_offsets": [0, \#(tensorBytes)]}}"#
        var bytes: [UInt8] = []
        withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        return bytes + Array(header.utf8)
    }
}
