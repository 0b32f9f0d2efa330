import UnrollData
import UnrollFuzzSupport

/// Fuzzes the tab-separated pair reader behind `tsv(…)`, with word and character tokens.
@main
enum FuzzTSV {
    /// Runs libFuzzer on `SequencePairDataset(tsv:)` of the input as a file.
    static func main() {
        FuzzDriver.run { bytes in
            let text = try TextFile.text(of: bytes, name: "fuzz.tsv")
            _ = try? SequencePairDataset(tsv: text, name: "fuzz.tsv")
            _ = try SequencePairDataset(tsv: text, name: "fuzz.tsv", sourceUnit: .char, targetUnit: .char, lowercase: true)
        }
    }
}
