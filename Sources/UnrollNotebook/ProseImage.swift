import Foundation

/// An image in a notebook's prose (`![alt](url)`, `![alt][ref]`), as cmark resolved it.
///
/// The converter renders the image's `src` as `unroll-image:ID` so that the report decides what the image
/// becomes (a data URI, or a link with a note), and nothing in the HTML points outside the report.
public struct ProseImage: Equatable, Hashable, Sendable, Codable {
    /// The number of the image in the notebook, from 0 in document order; its placeholder is `src="unroll-image:ID"`.
    public var id: Int
    /// The destination as written (after cmark's unescaping), e.g. `img/a.png` or `https://host/a.png`.
    public var url: String
    /// The 1-based file line of the block that holds the image.
    public var line: Int

    /// An image from its parts.
    public init(id: Int, url: String, line: Int) {
        self.id = id
        self.url = url
        self.line = line
    }

    /// The placeholder `src` the prose HTML holds for image `id`.
    public static func placeholder(_ id: Int) -> String { "unroll-image:\(id)" }

    /// Where the image would come from: a remote address (`http:`, `https:` or a protocol-relative `//host/…`),
    /// inline data already in the notebook (`data:`), another scheme (`javascript:`, `file:`, …, never linked),
    /// or a file path relative to the notebook's folder (percent-escapes decoded, `?query` and `#fragment` dropped).
    public var source: Source {
        if url.hasPrefix("//") { return .remote }
        if let colon = url.firstIndex(of: ":"), colon != url.startIndex {
            let scheme = url[..<colon]
            let isScheme = scheme.first!.isASCII && scheme.first!.isLetter
                && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
            if isScheme {
                switch scheme.lowercased() {
                case "data": return .inline
                case "http", "https": return .remote
                default: return .otherScheme
                }
            }
        }
        let path = String(url.prefix { $0 != "?" && $0 != "#" })
        return .file(path.removingPercentEncoding ?? path)
    }

    /// Where an image's bytes are.
    public enum Source: Equatable, Sendable {
        /// Somewhere on the network: never fetched, and never requested by the report.
        case remote
        /// A `data:` URI in the notebook itself.
        case inline
        /// A URL of another scheme, which the report neither loads nor links to.
        case otherScheme
        /// A file, by its path relative to the notebook's folder.
        case file(String)
    }
}
