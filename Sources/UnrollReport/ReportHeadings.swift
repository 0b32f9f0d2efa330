import Foundation

/// The headings of a report's prose, for its table of contents: each heading's level, text and anchor, found in
/// the HTML cmark rendered (`<h2>…</h2>`), with anchors made as GitHub makes them for Markdown headings, so that
/// the Markdown report's contents links work on GitHub and the HTML report's on the ids it adds.
public struct ReportHeadings: Equatable, Sendable {
    /// One heading.
    public struct Heading: Equatable, Sendable {
        /// 1 to 6.
        public var level: Int
        /// The heading's text, without markup.
        public var text: String
        /// The anchor (element id) for it: unique within the report.
        public var anchor: String
    }

    /// The headings of each block, by block index (blocks without headings are absent).
    public private(set) var byBlock: [Int: [Heading]] = [:]

    /// The headings in document order.
    public var all: [Heading] { byBlock.keys.sorted().flatMap { byBlock[$0]! } }

    /// The headings of `document`'s prose; anchors avoid the ids in `taken` (the cells' anchors in HTML).
    public init(_ document: ReportDocument, avoiding taken: Set<String> = []) {
        var used = taken
        var counts: [String: Int] = [:]
        for (index, block) in document.blocks.enumerated() {
            guard case .prose(let html, _) = block else { continue }
            let found = Self.scan(html).map { level, inner -> Heading in
                let text = Self.plainText(inner)
                let base = Self.slug(text)
                var anchor = base
                while used.contains(anchor) {
                    let n = (counts[base] ?? 0) + 1
                    counts[base] = n
                    anchor = "\(base)-\(n)"
                }
                used.insert(anchor)
                return Heading(level: level, text: text, anchor: anchor)
            }
            if !found.isEmpty { byBlock[index] = found }
        }
    }

    /// `html` with `id="…"` added to its headings, in order, from `headings` (the block's own).
    static func anchored(_ html: String, _ headings: [Heading]) -> String {
        var out = "", rest = Substring(html), remaining = headings[...]
        while let heading = remaining.first, let open = rest.range(of: "<h\(heading.level)>") {
            out += rest[..<open.lowerBound] + "<h\(heading.level) id=\"" + HTMLEscaping.escape(heading.anchor) + "\">"
            rest = rest[open.upperBound...]
            remaining = remaining.dropFirst()
        }
        return out + rest
    }

    /// The level and inner HTML of each `<hN>…</hN>` in `html`, in order.
    static func scan(_ html: String) -> [(Int, Substring)] {
        var found: [(Int, Substring)] = []
        var rest = Substring(html)
        while let start = rest.range(of: "<h") {
            let after = rest[start.upperBound...]
            guard let digit = after.first, let level = digit.wholeNumberValue, (1...6).contains(level),
                  after.dropFirst().first == ">" else {
                rest = after
                continue
            }
            let body = after.dropFirst(2)
            guard let end = body.range(of: "</h\(level)>") else { break }
            found.append((level, body[..<end.lowerBound]))
            rest = body[end.upperBound...]
        }
        return found
    }

    /// The text of inline HTML: tags dropped, the entities cmark writes decoded.
    static func plainText(_ html: Substring) -> String {
        var text = "", inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// GitHub's anchor for a heading's text: lower-cased, letters, digits, `-` and `_` kept, spaces as `-`,
    /// everything else dropped; `section` when nothing is left.
    static func slug(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                out.append(character)
            } else if character == " " {
                out.append("-")
            }
        }
        return out.isEmpty ? "section" : out
    }
}
