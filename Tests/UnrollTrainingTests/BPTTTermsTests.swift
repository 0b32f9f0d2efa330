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

    func testNormsAreTheFrobeniusNorms() {
        let terms = [Tensor(shape: [2, 2], scalars: [3, 0, 0, 4]), Tensor(shape: [2, 2], scalars: [0, 0, 0, 0])]
        XCTAssertEqual(BPTTTerms.norms(terms), [5, 0])
    }
}
