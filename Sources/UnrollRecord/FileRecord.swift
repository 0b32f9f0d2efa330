/// One file a notebook read, as its run record keeps it: the path as the notebook wrote it, and the SHA-256
/// and size of the bytes read, so that `check` can tell when the data under a notebook changed.
public struct FileRecord: Equatable, Sendable {
    /// The path as the notebook gave it (`data/spam.csv`), relative to the notebook.
    public let path: String
    /// The SHA-256 of the bytes read, as 64 lower-case hex digits.
    public let sha256: String
    /// The number of bytes read.
    public let size: Int

    /// The record of reading `bytes` from `path`.
    public init<Bytes: Collection>(path: String, bytes: Bytes) where Bytes.Element == UInt8 {
        self.init(path: path, sha256: SHA256.hexDigest(bytes), size: bytes.count)
    }

    /// A record from its parts.
    public init(path: String, sha256: String, size: Int) {
        self.path = path
        self.sha256 = sha256
        self.size = size
    }

    /// `{"path": …, "sha256": …, "size": …}`.
    var json: JSONValue {
        .object(["path": .string(path), "sha256": .string(sha256), "size": .integer(size)])
    }

    /// Reads the JSON form; every key is required and no other is allowed.
    init(json: JSONValue, path: String) throws {
        var reader = try JSONObjectReader(json, path: path)
        self.path = try reader.string("path")
        sha256 = try reader.string("sha256")
        size = try reader.integer("size")
        try reader.finish()
    }
}
