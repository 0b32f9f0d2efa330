/// The opening line of a fenced code block, taken apart so that info-string options can be located by column.
struct FenceLine: Equatable, Sendable {
    /// One whitespace-separated word of the info string and the 1-based column (in Unicode scalars) it starts at.
    struct Word: Equatable, Sendable {
        /// The word's text.
        var text: String
        /// The 1-based column of its first character.
        var column: Int
    }

    /// The fence character, "`" or "~".
    var fenceCharacter: Character
    /// The number of fence characters (at least 3).
    var fenceLength: Int
    /// The info string's words in order; the first is the language.
    var words: [Word]

    /// Parses `line` as an opening fence (up to 3 spaces, then 3 or more backticks or tildes, then the info
    /// string); nil when it is not one, e.g. the first line of an indented code block.
    init?(_ line: String) {
        let scalars = Array(line.unicodeScalars)
        var i = 0
        while i < scalars.count, i < 3, scalars[i] == " " { i += 1 }
        guard i < scalars.count, scalars[i] == "`" || scalars[i] == "~" else { return nil }
        let fence = scalars[i]
        var length = 0
        while i < scalars.count, scalars[i] == fence { i += 1; length += 1 }
        guard length >= 3 else { return nil }
        fenceCharacter = Character(fence)
        fenceLength = length

        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var start = 0
        while i <= scalars.count {
            let atEnd = i == scalars.count
            if atEnd || scalars[i] == " " || scalars[i] == "\t" {
                if !current.isEmpty { words.append(Word(text: String(current), column: start + 1)) }
                current = String.UnicodeScalarView()
            } else {
                if current.isEmpty { start = i }
                current.append(scalars[i])
            }
            i += 1
        }
        self.words = words
    }

    /// The language word (the info string's first word), or empty when there is none.
    var language: String { words.first?.text ?? "" }
}
