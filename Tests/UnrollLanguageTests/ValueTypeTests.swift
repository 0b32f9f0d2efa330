import XCTest
@testable import UnrollLanguage

final class ValueTypeTests: XCTestCase {
    func testAssignability() {
        XCTAssertTrue(ValueType.int.isAssignable(to: .float))
        XCTAssertFalse(ValueType.float.isAssignable(to: .int))
        XCTAssertTrue(ValueType.unknown.isAssignable(to: .corpus))
        XCTAssertTrue(ValueType.corpus.isAssignable(to: .unknown))
        XCTAssertTrue(ValueType.vocabulary.isAssignable(to: .oneOf([.int, .vocabulary])))
        XCTAssertFalse(ValueType.string.isAssignable(to: .oneOf([.int, .vocabulary])))
        XCTAssertTrue(ValueType.list(.int).isAssignable(to: .list(.number)))
        XCTAssertFalse(ValueType.list(.string).isAssignable(to: .list(.number)))
        XCTAssertTrue(ValueType.model(.tagger).isAssignable(to: .anyModel))
        XCTAssertTrue(ValueType.recurrent(.gru).isAssignable(to: .recurrent(nil)))
        XCTAssertFalse(ValueType.recurrent(.gru).isAssignable(to: .recurrent(.lstm)))
        XCTAssertFalse(ValueType.tuple([.int, .int]).isAssignable(to: .tuple([.int])))
    }

    func testJoin() {
        XCTAssertEqual(ValueType.int.joined(with: .float), .number)
        XCTAssertEqual(ValueType.int.joined(with: .int), .int)
        XCTAssertEqual(ValueType.int.joined(with: .string), .unknown)
        XCTAssertEqual(ValueType.list(.int).joined(with: .list(.float)), .list(.number))
        let a = ValueType.dataset(DatasetFacts(kind: .sequences, inputs: 2, outputs: 1, origin: "task.adding"))
        let b = ValueType.dataset(DatasetFacts(kind: .sequences, inputs: 1, outputs: 1, origin: "task.sine"))
        XCTAssertEqual(a.joined(with: b), .dataset(DatasetFacts(kind: .sequences, outputs: 1)))
    }

    func testDescriptions() {
        XCTAssertEqual(ValueType.list(.float).description, "list of float")
        XCTAssertEqual(ValueType.list(.unknown).description, "list")
        XCTAssertEqual(ValueType.tuple([.corpus, .corpus]).description, "(Corpus, Corpus)")
        XCTAssertEqual(ValueType.dataset(.labelled).description, "Dataset of labelled texts")
        XCTAssertEqual(ValueType.model(.languageModel).description, "LanguageModel")
        XCTAssertEqual(ValueType.oneOf([.int, .range]).description, "int or range")
        XCTAssertEqual(ValueType.oneOf([.int, .range, .string]).description, "int, range or string")
        XCTAssertEqual(ValueType.int.withArticle, "an int")
        XCTAssertEqual(ValueType.corpus.withArticle, "a Corpus")
        XCTAssertEqual(ValueType.optimizer.withArticle, "an Optimizer")
        XCTAssertEqual(ValueType.tuple([.int]).withArticle, "a tuple (int)")
    }
}
