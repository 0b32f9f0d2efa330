import UnrollFuzzSupport
import UnrollNotebook

/// Fuzzes the notebook reader: front matter, CommonMark through cmark, fences, cell options and ids.
@main
enum FuzzNotebook {
    /// Runs libFuzzer on `NotebookParser.parse` of the input as a whole `.md` file.
    static func main() {
        FuzzDriver.run { bytes in
            _ = try NotebookParser.parse(path: "fuzz.md", source: FuzzDriver.text(bytes))
        }
    }
}
