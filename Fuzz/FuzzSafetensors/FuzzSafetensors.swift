import Foundation
import UnrollFuzzSupport
import UnrollNN

/// Fuzzes the safetensors reader (`load_tensors`): the input is a whole file.
@main
enum FuzzSafetensors {
    /// Runs libFuzzer on `Safetensors(data:)` and reads every tensor it accepts.
    static func main() {
        FuzzDriver.run { bytes in
            let file = try Safetensors(data: Data(bytes))
            for name in file.names {
                _ = try file.tensor(name)
            }
        }
    }
}
