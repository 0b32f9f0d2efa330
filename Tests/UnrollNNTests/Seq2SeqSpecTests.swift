import UnrollNN
import UnrollTensor
import XCTest

final class Seq2SeqSpecTests: XCTestCase {
    /// A small spec: bidirectional GRU encoder (D = 8), two-layer decoder (Hd = `hidden`).
    private func spec(_ attention: AttentionKind, hidden: Int = 8) -> Seq2SeqSpec {
        Seq2SeqSpec(sourceVocabulary: 7, targetVocabulary: 9, embed: 3,
                    encoder: RecurrentSpec(kind: .gru, hidden: 4, bidirectional: true),
                    decoder: RecurrentSpec(kind: .gru, hidden: hidden, layers: 2), attention: attention)
    }

    func testDotAttentionNeedsEqualSizes() {
        var rng = RandomGenerator(seed: 1)
        XCTAssertThrowsError(try Seq2Seq(spec(.dot, hidden: 6), rng: &rng)) { error in
            XCTAssertEqual((error as? Seq2SeqError)?.message,
                           "dot attention needs the encoder output size 8 (hidden 4 × 2 directions) to equal the "
                           + "decoder hidden size 6; use 'general' or 'additive' attention or match the sizes")
        }
        XCTAssertNoThrow(try Seq2Seq(spec(.dot, hidden: 8), rng: &rng))
    }

    func testInvalidSpecsThrow() {
        var rng = RandomGenerator(seed: 1)
        var s = spec(.general)
        s.decoder.bidirectional = true
        XCTAssertThrowsError(try Seq2Seq(s, rng: &rng)) { error in
            XCTAssertTrue("\(error)".hasPrefix("the decoder cannot be bidirectional"), "\(error)")
        }
        s = spec(.general)
        s.targetVocabulary = 3
        XCTAssertThrowsError(try Seq2Seq(s, rng: &rng)) { error in
            XCTAssertEqual("\(error)", "target vocabulary size (pad, unk, bos and eos included) must be at least 4, got 3")
        }
        s = spec(.general)
        s.dropout = 1
        XCTAssertThrowsError(try Seq2Seq(s, rng: &rng)) { error in
            XCTAssertEqual("\(error)", "dropout must be in [0, 1), got 1.0")
        }
    }

    func testEncoderOutputSize() {
        XCTAssertEqual(spec(.none).encoderOutputSize, 8)
        var s = spec(.none)
        s.encoder.bidirectional = false
        XCTAssertEqual(s.encoderOutputSize, 4)
        XCTAssertNoThrow(try s.validate())
    }
}
