import Foundation

/// What an image in a notebook's prose becomes in the HTML report, which refers to nothing outside itself.
public enum ProseImageEmbedding: Equatable, Sendable {
    /// A local image's bytes, embedded as a `data:` URI of their sniffed format.
    case embedded(ImageFormat, [UInt8])
    /// A `data:` URI the notebook itself holds, kept as written.
    case inline(String)
    /// A remote image (`http(s)://…`, `//host/…`): a link to it and a note, never an `<img>`, so opening the
    /// report requests nothing.
    case remote(String)
    /// An image that is not embedded, with the note saying why (`'big.png' is 3.1 MB, more than …`).
    case notEmbedded(String)

    /// The most bytes an embedded image may have.
    public static let maxBytes = 2 * 1024 * 1024

    /// The note for a local image of `size` bytes, over `maxBytes`.
    public static func tooLarge(path: String, size: Int) -> ProseImageEmbedding {
        .notEmbedded("'\(path)' is \(String(format: "%.1f", Double(size) / 1_048_576)) MB, more than the "
                     + "\(maxBytes / 1_048_576) MB an embedded image may have; make it smaller")
    }

    /// The note for a local file whose bytes are not an image of a format the report embeds.
    public static func notAnImage(path: String) -> ProseImageEmbedding {
        .notEmbedded("'\(path)' is not a PNG, JPEG, GIF, SVG or WebP image")
    }

    /// The note for an image URL of a scheme the report neither loads nor links (`javascript:`, `file:`, …).
    public static func unsupported(url: String) -> ProseImageEmbedding {
        .notEmbedded("'\(url)' is neither a file in the notebook's folder nor an http(s) address")
    }

    /// What a local file's `bytes` become: embedded when they are an image of a known format, else a note.
    public static func file(path: String, bytes: [UInt8]) -> ProseImageEmbedding {
        guard let format = ImageFormat.sniff(bytes) else { return notAnImage(path: path) }
        return .embedded(format, bytes)
    }

    /// `html` (cmark's prose HTML, whose images have `src="unroll-image:ID"`) with every image replaced by what
    /// `images` says it becomes; an image missing from `images` keeps its placeholder, which loads nothing.
    public static func apply(_ images: [Int: ProseImageEmbedding], to html: String) -> String {
        let marker = "<img src=\"unroll-image:"
        var out = "", rest = Substring(html)
        while let start = rest.firstRange(of: marker) {
            out += rest[..<start.lowerBound]
            let afterMarker = rest[start.upperBound...]
            // cmark writes `<img src="…" alt="…" />` (with ` title="…"` when given) and escapes `>` in the
            // attributes, so the tag ends at the first `/>`.
            guard let quote = afterMarker.firstIndex(of: "\""), let id = Int(afterMarker[..<quote]),
                  let end = afterMarker.firstRange(of: "/>"), let embedding = images[id] else {
                out += marker
                rest = afterMarker
                continue
            }
            let attributes = afterMarker[afterMarker.index(after: quote)..<end.lowerBound]
            out += embedding.html(attributes: String(attributes))
            rest = afterMarker[end.upperBound...]
        }
        return out + rest
    }

    /// The HTML that replaces one `<img>` whose attributes after `src` are `attributes` (already escaped).
    private func html(attributes: String) -> String {
        let alt = Self.attribute("alt", in: attributes) ?? ""
        switch self {
        case .embedded(let format, let bytes):
            return "<img src=\"data:\(format.mediaType);base64,\(Data(bytes).base64EncodedString())\"\(attributes)/>"
        case .inline(let url):
            return "<img src=\"\(HTMLEscaping.escape(url))\"\(attributes)/>"
        case .remote(let url):
            let shown = HTMLEscaping.escape(url)
            return "<a class=\"remote-image\" href=\"\(shown)\">\(alt.isEmpty ? shown : alt)</a> "
                + "<em class=\"image-note\">(remote image not embedded: \(shown))</em>"
        case .notEmbedded(let reason):
            return (alt.isEmpty ? "" : "\(alt) ") + "<em class=\"image-note\">(image not embedded: \(HTMLEscaping.escape(reason)))</em>"
        }
    }

    /// The (escaped) value of attribute `name` in `attributes`, such as ` alt="a &amp; b" `.
    private static func attribute(_ name: String, in attributes: String) -> String? {
        guard let start = attributes.firstRange(of: " \(name)=\"") else { return nil }
        let value = attributes[start.upperBound...]
        return value.firstIndex(of: "\"").map { String(value[..<$0]) }
    }
}
