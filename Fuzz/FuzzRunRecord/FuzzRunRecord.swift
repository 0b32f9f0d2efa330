import Foundation
import UnrollFuzzSupport
import UnrollRecord

/// Fuzzes the run-record reader (baselines read by `unroll check`): the input is a whole JSON file.
@main
enum FuzzRunRecord {
    /// Runs libFuzzer on `RunRecord.decode` and requires that every record it accepts is written and read
    /// back to the same bytes (the writer and the strict parser agree).
    static func main() {
        FuzzDriver.run { bytes in
            let record = try RunRecord.decode(from: Data(bytes))
            let written = record.encoded()
            let reread: RunRecord
            do {
                reread = try RunRecord.decode(from: written)
            } catch {
                fatalError("a record that was read cannot be read back after writing: \(error)")
            }
            precondition(reread.encoded() == written, "a record written and read back is written differently")
        }
    }
}
