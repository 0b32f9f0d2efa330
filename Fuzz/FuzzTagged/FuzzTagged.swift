import UnrollData
import UnrollFuzzSupport

/// Fuzzes the readers behind `tagged(…)`: `token/TAG` lines and space-segmented lines (BMES tags).
@main
enum FuzzTagged {
    /// Runs libFuzzer on `TaggingDataset(taggedText:)` and `TaggingDataset(segmentedText:)` of the input as a file.
    static func main() {
        FuzzDriver.run { bytes in
            let text = try TextFile.text(of: bytes, name: "fuzz.txt")
            _ = try? TaggingDataset(taggedText: text, name: "fuzz.txt")
            _ = try TaggingDataset(segmentedText: text, name: "fuzz.txt")
        }
    }
}
