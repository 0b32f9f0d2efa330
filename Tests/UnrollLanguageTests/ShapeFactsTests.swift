import XCTest
@testable import UnrollLanguage

final class ShapeFactsTests: XCTestCase {
    func testModelKindsAcceptTheirData() {
        XCTAssertEqual(ModelKind.languageModel.accepts(.corpus), true)
        XCTAssertEqual(ModelKind.languageModel.accepts(.dataset(.labelled)), false)
        XCTAssertEqual(ModelKind.classifier.accepts(.dataset(.labelled)), true)
        XCTAssertEqual(ModelKind.tagger.accepts(.dataset(.pairs)), true)
        XCTAssertEqual(ModelKind.regressor.accepts(.dataset(.tagged)), false)
        XCTAssertNil(ModelKind.regressor.accepts(.anyDataset))
        XCTAssertNil(ModelKind.regressor.accepts(.unknown))
        XCTAssertEqual(ModelKind.regressor.accepts(.int), false)
    }

    func testJoinKeepsOnlyAgreedFacts() {
        let a = ModelFacts(kind: .regressor, inputs: 2, outputs: 1)
        XCTAssertEqual(a.joined(with: ModelFacts(kind: .regressor, inputs: 3, outputs: 1)), ModelFacts(kind: .regressor, outputs: 1))
        XCTAssertEqual(a.joined(with: a), a)
    }

    func testDescriptions() {
        XCTAssertEqual(DatasetKind.allCases.map(\.description),
                       ["labelled texts", "tagged sequences", "numeric sequences", "sequence pairs"])
        XCTAssertEqual(ModelKind.regressor.trainsOn, "numeric sequences (from task.adding or task.sine)")
    }
}
