import UnrollFuzzSupport
import UnrollLanguage

/// Fuzzes the lexer and the parser with one cell's source: any text must give a program and diagnostics.
@main
enum FuzzLexerParser {
    /// Runs libFuzzer on `Parser.parse`.
    static func main() {
        FuzzDriver.run { bytes in
            _ = Parser.parse(source: FuzzDriver.text(bytes), file: "fuzz.md", firstLine: 3, columnOffset: 0)
        }
    }
}
