import UnrollData
import UnrollTensor
import XCTest

/// Synthetic tasks driven by sizes this machine cannot hold are refused with a `DataError` before anything is
/// allocated (issue 9, item 2); sizes that fit generate as before.
final class SyntheticTaskMemoryTests: XCTestCase {
    private func reason(_ body: (inout RandomGenerator) throws -> Void) -> String {
        var rng = RandomGenerator(seed: 1)
        do {
            try body(&rng)
            return "no error"
        } catch let error as DataError {
            return error.reason
        } catch {
            return "\(error)"
        }
    }

    func testSizesTooLargeForThisMachineAreRefused() {
        let machine = MachineMemory.available
        XCTAssertEqual(reason { _ = try SyntheticTasks.adding(count: 1_000_000_000_000, length: 10, rng: &$0) },
                       "adding: the examples (count 1000000000000, length up to 10) would need about 192000.0 GB; \(machine); "
                        + "make 'count' or 'length' smaller")
        XCTAssertEqual(reason { _ = try SyntheticTasks.copy(count: 10, length: Int.max, vocabulary: 4, rng: &$0) },
                       "copy: the examples (count 10, length up to \(Int.max), vocab 4) would need more bytes than can be "
                        + "counted; \(machine); make 'count', 'length' or 'vocab' smaller")
        XCTAssertTrue(reason { _ = try SyntheticTasks.reverse(count: 2, length: 3, vocabulary: 1_000_000_000_000, rng: &$0) }
            .hasPrefix("reverse: the examples (count 2, length up to 3, vocab 1000000000000) would need about 160000.0 GB"))
        XCTAssertTrue(reason { _ = try SyntheticTasks.sort(count: 1 << 40, length: 1...4, vocabulary: 3, rng: &$0) }
            .hasPrefix("sort: the examples (count 1099511627776, length up to 4, vocab 3) would need about"))
        XCTAssertTrue(reason { _ = try SyntheticTasks.sine(count: 1_000_000_000, length: 100, rng: &$0) }
            .hasPrefix("sine: the examples (count 1000000000, length up to 100) would need about 912.0 GB"))
        XCTAssertTrue(reason { _ = try SyntheticTasks.addition(count: 1 << 40, digits: 3, rng: &$0) }
            .hasPrefix("addition: the examples (count 1099511627776, digits 3) would need about"))
    }

    func testSizesThatFitStillGenerate() {
        XCTAssertEqual(reason { _ = try SyntheticTasks.copy(count: 3, length: 1_000, vocabulary: 100_000, rng: &$0) }, "no error")
        XCTAssertEqual(reason { _ = try SyntheticTasks.adding(count: 2, length: 2...100_000, rng: &$0) }, "no error")
    }
}
