import UnrollTensor
import XCTest

/// The seeds of `check --seeds K`: run 0 keeps the seed, later runs get SplitMix64's outputs from it.
final class SeedDerivationTests: XCTestCase {
    func testRunZeroKeepsTheSeedAndLaterRunsAreSplitMixOutputs() {
        XCTAssertEqual(SeedDerivation.seed(5, run: 0), 5)
        XCTAssertEqual(SeedDerivation.seed(.max, run: 0), .max)
        // Pinned: these are what baselines written with --seeds record, on every machine.
        XCTAssertEqual((1...4).map { SeedDerivation.seed(5, run: $0) },
                       [7_134_611_160_154_358_618, 13_877_614_986_023_876_344, 4_292_726_422_858_613_063,
                        1_832_488_697_174_800_709])
        // SplitMix64 from state 0: the published first output 0xE220A8397B1DCDAF.
        XCTAssertEqual(SeedDerivation.seed(0, run: 1), 0xE220_A839_7B1D_CDAF)
        let seeds = (0..<50).map { SeedDerivation.seed(42, run: $0) }
        XCTAssertEqual(Set(seeds).count, 50, "distinct seeds")
    }
}
