/// The BMES scheme for word segmentation: each character of a word is tagged B (begins a word), M (middle),
/// E (ends it) or S (a one-character word).
public enum BMESTagging {
    /// The four tags, in the sorted order that a data set numbers them: `B`, `E`, `M`, `S`.
    public static let tagNames = ["B", "E", "M", "S"]

    /// The characters of `words` and their BMES tags (empty words are skipped).
    public static func tag(words: [String]) -> (characters: [String], tags: [String]) {
        var characters: [String] = [], tags: [String] = []
        for word in words {
            let chars = word.map(String.init)
            switch chars.count {
            case 0: continue
            case 1: tags.append("S")
            default:
                tags.append("B")
                tags.append(contentsOf: repeatElement("M", count: chars.count - 2))
                tags.append("E")
            }
            characters.append(contentsOf: chars)
        }
        return (characters, tags)
    }

    /// The characters and tags of a space-segmented line (`我 爱 北京` → `我/S 爱/S 北/B 京/E`).
    public static func tag(line: String) -> (characters: [String], tags: [String]) {
        tag(words: line.split(whereSeparator: \.isWhitespace).map(String.init))
    }

    /// The line in `token/TAG` format for a space-segmented line (`我 爱 北京` → `我/S 爱/S 北/B 京/E`).
    public static func taggedLine(_ line: String) -> String {
        let tagged = tag(line: line)
        return zip(tagged.characters, tagged.tags).map { "\($0)/\($1)" }.joined(separator: " ")
    }

    /// The words that `tags` cut `characters` into: a word ends after `E` or `S`, or before a `B` or `S`
    /// that follows an unfinished word; unknown tags act like `M`.
    public static func segment(characters: [String], tags: [String]) -> [String] {
        precondition(characters.count == tags.count,
                     "BMESTagging.segment: \(characters.count) characters but \(tags.count) tags")
        var words: [String] = []
        var current = ""
        for (character, tag) in zip(characters, tags) {
            if (tag == "B" || tag == "S"), !current.isEmpty {
                words.append(current)
                current = ""
            }
            current += character
            if tag == "E" || tag == "S" {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
