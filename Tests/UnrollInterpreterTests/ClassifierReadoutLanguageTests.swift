import XCTest
@testable import UnrollInterpreter

/// `Classifier(readout:)` from a notebook: the description names a pooled readout, the weights do not change,
/// and a value known only when running, outside the three, is refused at the argument with did-you-mean.
final class ClassifierReadoutLanguageTests: XCTestCase {
    func testTheDescriptionNamesAPooledReadoutAndTheWeightsStayTheSame() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.printed("""
        print Classifier(vocab: 5, classes: 2, embed: 2, rnn: GRU(hidden: 2, bidirectional: true))
        print Classifier(vocab: 5, classes: 2, embed: 2, rnn: GRU(hidden: 2, bidirectional: true), readout: "mean")
        print Classifier(vocab: 5, classes: 2, embed: 2, rnn: GRU(hidden: 2, bidirectional: true), readout: "max")
        """), ["Classifier(vocab: 7, classes: 2, embed: 2, rnn: GRU(hidden: 2, bidirectional: true), weights: 96)",
               "Classifier(vocab: 7, classes: 2, embed: 2, rnn: GRU(hidden: 2, bidirectional: true), readout: mean, weights: 96)",
               "Classifier(vocab: 7, classes: 2, embed: 2, rnn: GRU(hidden: 2, bidirectional: true), readout: max, weights: 96)"])
    }

    func testAValueKnownOnlyWhenRunningIsRefusedAtTheArgument() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(h.failure("""
        names = ["last", "mean", "maxx"]
        m = Classifier(vocab: 5, classes: 2, rnn: RNN(hidden: 2), readout: names[2])
        """), #"2:68: 'readout' must be one of "last", "mean", "max", got "maxx"; did you mean "max"?"#)
    }
}
