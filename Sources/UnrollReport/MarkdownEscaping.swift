/// Escapes text for GitHub-flavoured Markdown: inline text, code spans and code fences.
public enum MarkdownEscaping {
    /// Characters that could start markup inline (emphasis, links, HTML, code, tables, strike-through, headings,
    /// entities); each is written with a backslash, which CommonMark allows before any ASCII punctuation.
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", "#"]

    /// `text` safe to place inline: markup characters backslash-escaped, line breaks turned into spaces.
    public static func inline(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "\n" || character == "\r" || character == "\r\n" {
                out.append(" ")
            } else {
                if special.contains(character) { out.append("\\") }
                out.append(character)
            }
        }
        return out
    }

    /// `text` as a code span, with a backtick run longer than any inside it (and padding where the text
    /// starts or ends with a backtick); line breaks become spaces.
    public static func codeSpan(_ text: String) -> String {
        let flat = text.replacingLineBreaks()
        let ticks = String(repeating: "`", count: longestBacktickRun(in: flat) + 1)
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return ticks + pad + flat + pad + ticks
    }

    /// The backtick fence for a code block holding `text`: at least three, and longer than any run inside.
    public static func fence(for text: String) -> String {
        String(repeating: "`", count: max(3, longestBacktickRun(in: text) + 1))
    }

    /// A fenced code block with `language` (possibly empty) holding `text`, ending in a newline.
    public static func codeBlock(_ text: String, language: String) -> String {
        let fence = fence(for: text)
        let body = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
        return fence + language.replacingLineBreaks() + "\n" + body + fence + "\n"
    }

    /// The length of the longest run of backticks in `text`.
    private static func longestBacktickRun(in text: String) -> Int {
        var longest = 0, current = 0
        for character in text {
            if character == "`" {
                current += 1
                longest = max(longest, current)
            } else {
                current = 0
            }
        }
        return longest
    }
}

extension String {
    /// The string with every line break replaced by a space.
    fileprivate func replacingLineBreaks() -> String {
        String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
