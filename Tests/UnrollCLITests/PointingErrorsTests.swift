import Foundation
import XCTest

/// The built `unroll` answers the examples of errors with one located message each that says the fix.
final class PointingErrorsTests: XCTestCase {
    func testSampleWithPositionalPrimeAndLengthIsOneMessageNamingTheLabels() throws {
        let root = try makeWorkspace(self)
        try write("床前明月光，疑是地上霜。\n", to: "notebooks/data/poem.txt", in: root)
        try write("""
            # Sample

            ```rnn
            corpus = text("data/poem.txt")
            lm = LanguageModel(vocab: corpus.vocab, rnn: GRU(hidden: 4))
            print sample(lm, "床前", 20)
            fit lm on corpus { epochs: 1, lr: 1e-3 }
            ```
            """, to: "notebooks/sample.md", in: root)
        let result = try UnrollProcess.run(["lint", "notebooks/sample.md"], in: root)
        XCTAssertEqual(result.status, 65, result.stderr)
        let message = "notebooks/sample.md:6:18: error: 'sample' takes 1 positional argument, got 3; pass the others by label, "
            + "as in 'sample(lm, prime: \"床前\", length: 20)'"
        XCTAssertEqual(result.stderr.components(separatedBy: message).count - 1, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("notebooks/sample.md:7:31: error: learning rate goes in the optimizer: "
            + "optimizer: Adam(lr: 1e-3)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("2 errors"), result.stderr)
    }

    func testColonSliceAndPlusPlusSayWhatToWrite() throws {
        let root = try makeWorkspace(self)
        try write("```rnn\nxs = [1, 2, 3]\nprint xs[0:2]\nn = 0\nn ++\n```\n", to: "notebooks/py.md", in: root)
        let result = try UnrollProcess.run(["run", "notebooks/py.md"], in: root)
        XCTAssertEqual(result.status, 65, result.stderr)
        XCTAssertTrue(result.stderr.contains("notebooks/py.md:3:11: error: slices use '...' and include both ends, not ':'; "
            + "write 'xs[0...1]'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("notebooks/py.md:5:3: error: unexpected '++'; write 'x += 1' to add one"), result.stderr)
    }
}
