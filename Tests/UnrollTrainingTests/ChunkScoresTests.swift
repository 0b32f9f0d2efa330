import Foundation
import UnrollTraining
import XCTest

/// Entity-level (BIO, IOB1, BIOES) and word-level (BMES) scores against seqeval's default, conlleval-compatible
/// mode, on the written-down cases of `scripts/seqeval_reference.py` (its output is `Fixtures/seqeval_reference.json`).
final class ChunkScoresTests: XCTestCase {
    private struct Case {
        var name: String
        var kind: String
        var gold: [[String]]
        var predicted: [[String]]
        var json: [String: Any]
    }

    private func cases() throws -> [Case] {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/seqeval_reference", withExtension: "json"))
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let list = try XCTUnwrap(document["cases"] as? [[String: Any]])
        return try list.map { c in
            Case(name: try XCTUnwrap(c["name"] as? String), kind: try XCTUnwrap(c["kind"] as? String),
                 gold: try XCTUnwrap(c["gold"] as? [[String]]), predicted: try XCTUnwrap(c["predicted"] as? [[String]]),
                 json: c)
        }
    }

    private func number(_ object: Any?, _ key: String) throws -> Double {
        let row = try XCTUnwrap(object as? [String: Any])
        return try XCTUnwrap((row[key] as? NSNumber)?.doubleValue, "no \(key)")
    }

    func testEntityScoresMatchSeqeval() throws {
        let entityCases = try cases().filter { $0.kind == "entities" }
        XCTAssertEqual(entityCases.count, 5)
        for c in entityCases {
            let scores = EntityF1.scores(gold: c.gold, predicted: c.predicted)
            let micro = scores.micro
            XCTAssertEqual(micro.precision, try number(c.json, "precision"), accuracy: 1e-12, c.name)
            XCTAssertEqual(micro.recall, try number(c.json, "recall"), accuracy: 1e-12, c.name)
            XCTAssertEqual(micro.f1, try number(c.json, "f1"), accuracy: 1e-12, c.name)
            let macro = scores.macro
            XCTAssertEqual(macro.precision, try number(c.json["macro"], "precision"), accuracy: 1e-12, c.name)
            XCTAssertEqual(macro.recall, try number(c.json["macro"], "recall"), accuracy: 1e-12, c.name)
            XCTAssertEqual(macro.f1, try number(c.json["macro"], "f1-score"), accuracy: 1e-12, c.name)
            let types = try XCTUnwrap(c.json["types"] as? [String: Any])
            XCTAssertEqual(scores.classes.map(\.name), types.keys.sorted(), c.name)
            for (name, counts) in scores.classes {
                XCTAssertEqual(counts.precision, try number(types[name], "precision"), accuracy: 1e-12, "\(c.name) \(name)")
                XCTAssertEqual(counts.recall, try number(types[name], "recall"), accuracy: 1e-12, "\(c.name) \(name)")
                XCTAssertEqual(counts.f1, try number(types[name], "f1-score"), accuracy: 1e-12, "\(c.name) \(name)")
                XCTAssertEqual(Double(counts.actual), try number(types[name], "support"), "\(c.name) \(name)")
            }
        }
    }

    func testSegmentationScoresMatchSeqevalOnBMESAsChunks() throws {
        let segmentationCases = try cases().filter { $0.kind == "segmentation" }
        XCTAssertEqual(segmentationCases.count, 2)
        for c in segmentationCases {
            let words = SegmentationF1.scores(gold: c.gold, predicted: c.predicted)
            XCTAssertEqual(words.precision, try number(c.json, "precision"), accuracy: 1e-12, c.name)
            XCTAssertEqual(words.recall, try number(c.json, "recall"), accuracy: 1e-12, c.name)
            XCTAssertEqual(words.f1, try number(c.json, "f1"), accuracy: 1e-12, c.name)
        }
    }

    func testChunksOfInvalidSequencesFollowConlleval() {
        typealias C = EntityF1.Chunk
        // I- without B- starts an entity; a type change splits a run.
        XCTAssertEqual(EntityF1.chunks(["O", "I-PER", "I-PER", "I-LOC", "O"]),
                       [C(type: "PER", start: 1, end: 2), C(type: "LOC", start: 3, end: 3)])
        // BIOES: E after E starts a new entity, S after B ends the B.
        XCTAssertEqual(EntityF1.chunks(["B-X", "E-X", "E-X", "B-X", "S-X"]),
                       [C(type: "X", start: 0, end: 1), C(type: "X", start: 2, end: 2), C(type: "X", start: 3, end: 3),
                        C(type: "X", start: 4, end: 4)])
        XCTAssertEqual(EntityF1.chunks(["O", "O"]), [])
        XCTAssertEqual(EntityF1.chunks([]), [])
    }

    func testWordsOfBMESTags() {
        let spans = SegmentationF1.words(["B", "E", "S", "B", "M", "E", "M", "E", "E"]).map { [$0.start, $0.end] }
        XCTAssertEqual(spans, [[0, 1], [2, 2], [3, 5], [6, 7], [8, 8]])
        let perfect = SegmentationF1.scores(gold: [["B", "E", "S"]], predicted: [["B", "E", "S"]])
        XCTAssertEqual(perfect, PrecisionRecall(correct: 2, predicted: 2, actual: 2))
        XCTAssertEqual(perfect.f1, 1)
        // One word split in two: 1 of 3 predicted words right, 1 of 2 true words found.
        let split = SegmentationF1.scores(gold: [["B", "E", "S"]], predicted: [["S", "S", "S"]])
        XCTAssertEqual(split, PrecisionRecall(correct: 1, predicted: 3, actual: 2))
        XCTAssertEqual(split.f1, 2 * (1.0 / 3) * 0.5 / (1.0 / 3 + 0.5), accuracy: 1e-15)
    }

    func testZeroDivisionGivesZero() {
        let none = PrecisionRecall(correct: 0, predicted: 0, actual: 3)
        XCTAssertEqual(none.precision, 0)
        XCTAssertEqual(none.recall, 0)
        XCTAssertEqual(none.f1, 0)
        XCTAssertEqual(ClassScores(classes: []).macro.f1, 0)
    }
}
