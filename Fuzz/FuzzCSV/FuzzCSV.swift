import UnrollData
import UnrollFuzzSupport

/// Fuzzes the CSV reader behind `csv(…)`: UTF-8 decoding, RFC 4180 records, then the text/label data set.
@main
enum FuzzCSV {
    /// Runs libFuzzer on `CSVTable(parsing:)` and `ClassificationDataset(csv:)` of the input as a file.
    static func main() {
        FuzzDriver.run { bytes in
            let table = try CSVTable(parsing: TextFile.text(of: bytes, name: "fuzz.csv"), name: "fuzz.csv")
            _ = try ClassificationDataset(csv: table)
        }
    }
}
