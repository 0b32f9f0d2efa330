import UnrollAutograd
import UnrollNN
import UnrollTensor
import UnrollTraining
import XCTest

/// `BPTTTerms`: the per-step terms of `∂L/∂W_hh` add up to the gradient the ordinary backward computes.
final class BPTTTermsTests: XCTestCase {
    /// The terms added from the last step back to the first, the order in which the tape's backward pass
    /// accumulates a weight's gradient.
    private func reverseSum(_ terms: [Tensor]) -> Tensor {
        var sum = terms.last!
        for term in terms.dropLast().reversed() { sum.add(term) }
        return sum
    }

    func testTheTermsSumBitExactlyToTheTapesGradient() throws {
        for kind in [RecurrentCellKind.rnnTanh, .lstm, .gru] {
            for (name, objective) in try ProbeFixtures.objectives(kind, layers: 2) {
                let probe = objective.probe(batch: 0)
                let terms = BPTTTerms.terms(probe)
                XCTAssertEqual(terms.count, probe.inputs.shape[1])
                XCTAssertEqual(terms[0].scalars.allSatisfy { $0 == 0 }, true, "\(kind) \(name): the first step reads the zero state")
                XCTAssertGreaterThan(BPTTTerms.norms(terms)[1...].max()!, 0)
                // The ordinary backward of the same unrolled graph, with one shared W_hh.
                probe.batchLoss(probe.layer.unrolledOnTape(probe.inputs).last!).backward()
                let weight = probe.layer.cells[0][0].weightHH
                XCTAssertEqual(reverseSum(terms).scalars, weight.grad!.scalars, "\(kind) \(name)")
                for p in probe.parameters { p.zeroGrad() }
            }
        }
    }

    func testTheTermsSumToTheFusedKernelsGradient() throws {
        for kind in [RecurrentCellKind.rnnTanh, .lstm, .gru] {
            for (name, objective) in try ProbeFixtures.objectives(kind, layers: 2) {
                let terms = BPTTTerms.terms(objective.probe(batch: 0))
                var rng = RandomGenerator(seed: 1)
                let outcome = objective.run(batch: 0, training: false, rng: &rng)
                let weight = objective.probe(batch: 0).layer.cells[0][0].weightHH
                outcome.loss.backward()
                let fused = weight.grad!.scalars
                let sum = reverseSum(terms).scalars
                let scale = fused.map(abs).max()!
                XCTAssertGreaterThan(scale, 0, "\(kind) \(name)")
                for (a, b) in zip(sum, fused) {
                    XCTAssertEqual(a, b, accuracy: 1e-5 * scale + 1e-7, "\(kind) \(name)")
                }
                for p in objective.parameters { p.zeroGrad() }
            }
        }
    }

    func testTheRelativeDifferenceIsRoundingForTheTermsAndLargeWithoutOne() throws {
        for kind in [RecurrentCellKind.rnnTanh, .lstm, .gru] {
            for (name, objective) in try ProbeFixtures.objectives(kind, layers: 2) {
                let terms = BPTTTerms.terms(objective.probe(batch: 0))
                let gradient = BPTTTerms.trainingGradient(objective, batchSize: 3)  // the fixtures' batch
                XCTAssertGreaterThan(gradient.sumOfSquares(), 0, "\(kind) \(name)")
                XCTAssertLessThan(BPTTTerms.relativeDifference(terms: terms, gradient: gradient), 1e-5, "\(kind) \(name)")
                // Measured again, the same: the pass starts afresh (a language model from the zero state, not from
                // the state the first pass carried) and leaves no gradient behind.
                XCTAssertEqual(BPTTTerms.trainingGradient(objective, batchSize: 3).scalars, gradient.scalars, "\(kind) \(name)")
                // Without its largest term the sum is far from the gradient.
                let norms = BPTTTerms.norms(terms)
                var missing = terms
                missing[norms.firstIndex(of: norms.max()!)!] = Tensor(zeros: gradient.shape)
                XCTAssertGreaterThan(BPTTTerms.relativeDifference(terms: missing, gradient: gradient), 1e-2, "\(kind) \(name)")
            }
        }
    }

    func testTheRelativeDifferenceOfAWrittenDownCase() {
        let terms = [Tensor(shape: [2, 2], scalars: [1, 2, 0, 0]), Tensor(shape: [2, 2], scalars: [3, 4, 0, 0])]
        XCTAssertEqual(BPTTTerms.relativeDifference(terms: terms, gradient: Tensor(shape: [2, 2], scalars: [4, 6, 0, 0])), 0)
        // The sum (4, 6) against (4, 6, 0, 3): a difference of 3 over a norm of √61.
        XCTAssertEqual(BPTTTerms.relativeDifference(terms: terms, gradient: Tensor(shape: [2, 2], scalars: [4, 6, 0, 3])),
                       3 / 61.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(BPTTTerms.relativeDifference(terms: [], gradient: Tensor(zeros: [2, 2])), 0)
        XCTAssertEqual(BPTTTerms.relativeDifference(terms: terms, gradient: Tensor(zeros: [2, 2])), .infinity)
    }

    func testNormsAreTheFrobeniusNorms() {
        let terms = [Tensor(shape: [2, 2], scalars: [3, 0, 0, 4]), Tensor(shape: [2, 2], scalars: [0, 0, 0, 0])]
        XCTAssertEqual(BPTTTerms.norms(terms), [5, 0])
    }
}
