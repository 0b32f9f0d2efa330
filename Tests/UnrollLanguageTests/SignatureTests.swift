import XCTest
@testable import UnrollLanguage

final class SignatureTests: XCTestCase {
    private let text = Builtins.standard.function(named: "text")!
    private let round = Builtins.standard.function(named: "round")!

    func testBindsPositionalThenLabelled() {
        let (bound, problems) = text.bind(labels: [nil, "tokens", "lowercase"])
        XCTAssertEqual(bound, ["path": 0, "tokens": 1, "lowercase": 2])
        XCTAssertEqual(problems, [])
    }

    func testLabelSuggestionsKeepToParametersOfTheSameRole() {
        let plot = Builtins.standard.statementOptions.first { $0.name == "plot" }!
        XCTAssertEqual(plot.labelSuggestion(for: "metrik", argument: .string, excluding: []), "metric")
        XCTAssertNil(plot.labelSuggestion(for: "metrik", argument: .int, excluding: []), "no string option for an int")
        XCTAssertEqual(plot.labelSuggestion(for: "metrik", argument: .unknown, excluding: []), "metric")
        XCTAssertNil(plot.labelSuggestion(for: "metrik", argument: .string, excluding: ["metric"]))
        XCTAssertNotEqual(plot.labelSuggestion(for: "label", argument: .string, excluding: []), "labels",
                          "'labels' takes a list, not a string")
        XCTAssertEqual(plot.labelSuggestion(for: "label", argument: .list(.string), excluding: []), "labels")
    }

    func testOptionalPositionalParameters() {
        XCTAssertEqual(round.bind(labels: [nil]).bound, ["x": 0])
        XCTAssertEqual(round.bind(labels: [nil, nil]).bound, ["x": 0, "digits": 1])
        XCTAssertEqual(round.bind(labels: [nil, nil, nil]).problems, [.tooManyPositional(index: 2, accepted: 2)])
    }

    func testReportsEveryProblem() {
        let (_, problems) = text.bind(labels: ["path", "tokens", "tokens", "token", nil])
        XCTAssertEqual(problems, [
            .labelOnPositional(label: "path", index: 0),
            .duplicate(label: "tokens", index: 2),
            .unknownLabel(label: "token", index: 3, suggestion: nil),
        ])
        XCTAssertEqual(text.bind(labels: ["tokns"]).problems, [
            .unknownLabel(label: "tokns", index: 0, suggestion: "tokens"),
            .missing(parameter: "path", positional: true),
        ])
    }

    func testPropertiesTakeNoArguments() {
        let vocab = Builtins.standard.member("vocab", of: "Corpus")!
        XCTAssertTrue(vocab.isProperty)
        XCTAssertEqual(vocab.qualifiedName, "Corpus.vocab")
        XCTAssertEqual(vocab.bind(labels: [nil]).problems, [.tooManyPositional(index: 0, accepted: 0)])
    }
}
