import UnrollFuzzSupport
import UnrollNotebook

/// Fuzzes the front matter reader (bounds, then Yams and libyaml, then the fields Unroll knows): the input
/// is the YAML between the `---` lines of a notebook.
@main
enum FuzzFrontMatter {
    /// Runs libFuzzer on `NotebookParser.parse` of a notebook whose front matter is the input.
    static func main() {
        FuzzDriver.run { bytes in
            let source = "---\n" + FuzzDriver.text(bytes) + "\n---\n\n# Fuzz\n"
            _ = try NotebookParser.parse(path: "fuzz.md", source: source)
        }
    }
}
