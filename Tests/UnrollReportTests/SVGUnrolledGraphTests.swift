import UnrollRecord
import UnrollReport
import XCTest

/// The unrolled-graph drawing: one box per layer, direction and step, the arrows Goodfellow's figures have,
/// the weights named, text escaped, the same bytes every time.
final class SVGUnrolledGraphTests: XCTestCase {
    private func graph(layers: Int, bidirectional: Bool, steps: Int = 4, outputs: UnrolledGraphOutput.Outputs = .everyStep,
                       title: String = "LSTM") -> UnrolledGraphOutput {
        var recurrences: [UnrolledGraphOutput.Recurrence] = []
        for l in 0..<layers {
            for reverse in bidirectional ? [false, true] : [false] {
                let tail = "_l\(l)" + (reverse ? "_reverse" : "")
                recurrences.append(.init(layer: l + 1, reverse: reverse, inputWeight: "rnn.weight_ih" + tail,
                                         recurrentWeight: "rnn.weight_hh" + tail))
            }
        }
        return UnrolledGraphOutput(title: title, cell: "LSTM", state: "h, c", steps: steps, inputWeight: "embedding.weight",
                                   recurrences: recurrences, outputWeight: "head.weight", outputs: outputs)
    }

    private func count(_ needle: String, in svg: String) -> Int { svg.components(separatedBy: needle).count - 1 }

    /// Arrows: inputs into layer 1 (T·D), layer to layer (T·D² per upper layer), along time (T−1 per recurrence),
    /// out of the last layer (T·D, or D for one output).
    func testOneLayerHasABoxAStepAndElevenArrowsOverFourSteps() {
        let svg = SVGUnrolledGraph(graph(layers: 1, bidirectional: false)).document()
        XCTAssertEqual(count("class=\"state\"", in: svg), 4)
        XCTAssertEqual(count("class=\"input\"", in: svg), 4)
        XCTAssertEqual(count("class=\"output\"", in: svg), 4)
        XCTAssertEqual(count("class=\"arrow\"", in: svg), 4 + 3 + 4)
        XCTAssertEqual(count(">W1</text>", in: svg), 3, "the recurrent weight on every step-to-step arrow")
        XCTAssertEqual(count(">U1</text>", in: svg), 4)
        XCTAssertEqual(count(">V</text>", in: svg), 4)
        XCTAssertTrue(svg.contains(">U1 = rnn.weight_ih_l0, W1 = rnn.weight_hh_l0 (layer 1, forward)</text>"))
        XCTAssertTrue(svg.contains(">V = head.weight; each weight is shared by every step</text>"))
        XCTAssertTrue(svg.contains(">h, c (4)</text>") && svg.contains(">x(1)</text>") && svg.contains(">o(4)</text>"))
        XCTAssertTrue(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
    }

    func testTwoLayersStackTheirBoxesAndConnectThemAtEachStep() {
        let svg = SVGUnrolledGraph(graph(layers: 2, bidirectional: false)).document()
        XCTAssertEqual(count("class=\"state\"", in: svg), 8)
        XCTAssertEqual(count("class=\"arrow\"", in: svg), 4 + 4 + 2 * 3 + 4)
        XCTAssertEqual(count(">U2</text>", in: svg), 4)
        XCTAssertEqual(count(">W2</text>", in: svg), 3)
        XCTAssertTrue(svg.contains(">LSTM 2 →</text>"))
    }

    func testABidirectionalStackHasAReverseRowPerLayerWithArrowsBackInTime() {
        let svg = SVGUnrolledGraph(graph(layers: 2, bidirectional: true, steps: 3)).document()
        XCTAssertEqual(count("class=\"state\"", in: svg), 2 * 2 * 3)
        XCTAssertEqual(count("class=\"arrow\"", in: svg), 3 * 2 + 3 * 4 + 4 * 2 + 3 * 2)
        XCTAssertEqual(count(">W1r</text>", in: svg), 2)
        XCTAssertEqual(count(">U2r</text>", in: svg), 6, "both directions of layer 1 feed layer 2's reverse")
        XCTAssertTrue(svg.contains("(layer 2, reverse)</text>") && svg.contains("rnn.weight_hh_l1_reverse"))

        let classifier = SVGUnrolledGraph(graph(layers: 1, bidirectional: true, outputs: .lastStep)).document()
        XCTAssertEqual(count("class=\"output\"", in: classifier), 1)
        XCTAssertEqual(count("class=\"arrow\"", in: classifier), 8 + 2 * 3 + 2, "the final state of each direction")
    }

    func testTextIsEscapedAndTheBytesAreTheSameEveryTime() {
        let tricky = graph(layers: 1, bidirectional: false, title: "a <b> & \"c\"")
        let svg = SVGUnrolledGraph(tricky).document()
        XCTAssertFalse(svg.contains("<b>"))
        XCTAssertTrue(svg.contains("a &lt;b&gt; &amp;"), svg)
        XCTAssertEqual(svg, SVGUnrolledGraph(tricky).document())
        XCTAssertTrue(HTMLOutputRenderer.node(.graph("show-1", tricky)).render().contains("class=\"output output-graph\""))
    }
}
