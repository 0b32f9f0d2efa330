import Foundation

/// The files Unroll wrote into a report folder, listed in the folder's `.unroll-manifest`, so that later runs
/// remove only those and never a file someone else put there.
public struct FolderManifest: Equatable, Sendable {
    /// The manifest's file name inside the folder.
    public static let fileName = ".unroll-manifest"

    /// The plain names of the files Unroll wrote, sorted, each once.
    public let names: [String]

    /// A manifest of `names` (sorted, duplicates dropped).
    public init(names: some Sequence<String>) {
        self.names = Set(names).sorted()
    }

    /// The manifest in `folder`, or nil when it has none (or it cannot be read). Lines that are not plain file
    /// names are ignored, so a damaged manifest can never make Unroll remove a path outside the folder.
    public static func read(folder: String) -> FolderManifest? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        return FolderManifest(names: lines.filter { !$0.hasPrefix("#") && isPlainName($0) })
    }

    /// The file's text: a comment line, then one name a line.
    public var text: String {
        "# files Unroll wrote in this folder; it removes only these\n" + names.map { $0 + "\n" }.joined()
    }

    /// Whether `name` is a plain file name Unroll may write in a folder: not empty, no `/`, no leading `.`.
    public static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && !name.hasPrefix(".") && !name.contains("\0")
    }
}
