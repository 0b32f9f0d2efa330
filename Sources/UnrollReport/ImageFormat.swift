/// The image formats a report embeds, recognised by their bytes (never by the file's extension).
public enum ImageFormat: String, Equatable, Sendable, CaseIterable {
    case png, jpeg, gif, svg, webp

    /// The media type of a data URI: `image/png`, `image/svg+xml`, …
    public var mediaType: String {
        switch self {
        case .png: return "image/png"
        case .jpeg: return "image/jpeg"
        case .gif: return "image/gif"
        case .svg: return "image/svg+xml"
        case .webp: return "image/webp"
        }
    }

    /// The format of `bytes`, or nil when they are none of these: PNG's 8-byte signature, JPEG's `FF D8 FF`,
    /// `GIF87a`/`GIF89a`, `RIFF….WEBP`, or SVG text (UTF-8, optionally after a BOM, an XML declaration, comments
    /// and a doctype) whose first element is `<svg`.
    public static func sniff(_ bytes: [UInt8]) -> ImageFormat? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .webp }
        return isSVG(bytes) ? .svg : nil
    }

    /// Whether `bytes` are UTF-8 text whose first element, after the prolog, is `<svg`.
    private static func isSVG(_ bytes: [UInt8]) -> Bool {
        guard var text = String(validating: bytes.prefix(4_096), as: UTF8.self)
                ?? String(validating: bytes, as: UTF8.self) else { return false }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("<?") || rest.hasPrefix("<!--") || rest.hasPrefix("<!DOCTYPE") || rest.hasPrefix("<!doctype") {
                let end = rest.hasPrefix("<!--") ? "-->" : ">"
                guard let close = rest.firstRange(of: end) else { return false }
                rest = rest[close.upperBound...]
            } else {
                return rest.hasPrefix("<svg") && rest.dropFirst(4).first.map { $0.isWhitespace || $0 == ">" || $0 == "/" } ?? false
            }
        }
    }
}
