import UnrollNN
import UnrollTensor
import XCTest

/// `init:` and `spectral_radius:` of recurrent layers: orthogonal blocks, the IRNN's identity, radii that are
/// what was asked (checked by means independent of `SpectralRadius`), and seeded determinism.
final class RecurrentInitTests: XCTestCase {
    /// Gate block `g` of a cell's `W_hh`, as `H` rows of `Double`s.
    private func block(_ cell: RecurrentCell, _ g: Int) -> [[Double]] {
        let h = cell.hiddenSize, w = cell.weightHH.value.scalars
        return (0..<h).map { i in (0..<h).map { j in Double(w[(g * h + i) * h + j]) } }
    }

    private func multiply(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        a.map { row in (0..<b[0].count).map { j in zip(row, b).reduce(0) { $0 + $1.0 * $1.1[j] } } }
    }

    private func layer(_ kind: RecurrentCellKind, hidden: Int, layers: Int = 1, bidirectional: Bool = false,
                       _ scheme: RecurrentInit, radius: Double? = nil, seed: UInt64 = 5) -> RecurrentLayer {
        var rng = RandomGenerator(seed: seed)
        return RecurrentSpec(kind: kind, hidden: hidden, layers: layers, bidirectional: bidirectional,
                             initialization: scheme, spectralRadius: radius).makeLayer(inputSize: 3, rng: &rng)
    }

    func testUniformIsTodaysInitialisationAndDrawsNothingMore() {
        var a = RandomGenerator(seed: 9), b = RandomGenerator(seed: 9)
        let spec = RecurrentSpec(kind: .lstm, hidden: 4, layers: 2).makeLayer(inputSize: 3, rng: &a)
        let direct = RecurrentLayer(kind: .lstm, inputSize: 3, hiddenSize: 4, layers: 2, rng: &b)
        XCTAssertEqual(spec.parameters.map(\.value), direct.parameters.map(\.value))
        XCTAssertEqual(a.next(), b.next(), "the generator is where it was")
    }

    func testOrthogonalMakesEveryGateBlockOrthogonal() {
        for kind in [RecurrentCellKind.rnnTanh, .lstm, .gru] {
            let l = layer(kind, hidden: 7, layers: 2, bidirectional: true, .orthogonal)
            for cell in l.cells.joined() {
                for g in 0..<kind.gateCount {
                    let q = block(cell, g)
                    let qtq = multiply(q[0].indices.map { j in q.map { $0[j] } }, q)
                    for i in 0..<7 {
                        for j in 0..<7 { XCTAssertEqual(qtq[i][j], i == j ? 1 : 0, accuracy: 1e-5, "\(kind) gate \(g) (\(i), \(j))") }
                    }
                }
            }
            // The blocks are different draws, not one matrix repeated.
            XCTAssertNotEqual(block(l.cells[0][0], 0), block(l.cells[0][1], 0))
        }
    }

    func testOrthogonalIsSeededAndDeterministic() {
        let a = layer(.gru, hidden: 6, .orthogonal, seed: 11), b = layer(.gru, hidden: 6, .orthogonal, seed: 11)
        XCTAssertEqual(a.parameters.map(\.value), b.parameters.map(\.value))
        let c = layer(.gru, hidden: 6, .orthogonal, seed: 12)
        XCTAssertNotEqual(a.cells[0][0].weightHH.value, c.cells[0][0].weightHH.value)
        // The input weights and biases keep PyTorch's uniform draws.
        let uniform = layer(.gru, hidden: 6, .uniform, seed: 11)
        XCTAssertEqual(a.cells[0][0].weightIH.value, uniform.cells[0][0].weightIH.value)
        XCTAssertEqual(a.cells[0][0].biasHH.value, uniform.cells[0][0].biasHH.value)
    }

    func testIdentityIsTheIRNN() {
        let l = layer(.rnnRelu, hidden: 5, layers: 2, .identity)
        for cell in l.cells.joined() {
            let w = block(cell, 0)
            for i in 0..<5 { for j in 0..<5 { XCTAssertEqual(w[i][j], i == j ? 1 : 0) } }
            XCTAssertEqual(cell.biasIH.value.scalars, [Float](repeating: 0, count: 5))
            XCTAssertEqual(cell.biasHH.value.scalars, [Float](repeating: 0, count: 5))
        }
        let scaled = layer(.rnnRelu, hidden: 4, .identity, radius: 0.75)
        XCTAssertEqual(block(scaled.cells[0][0], 0)[2][2], 0.75, accuracy: 1e-7)
    }

    func testSpectralRadiusOfKnownMatrices() {
        // Upper triangular and far from normal: the eigenvalues are the diagonal, the radius 0.9.
        let triangular: [Double] = [0.3, 5, -2, 0, -0.9, 7, 0, 0, 0.5]
        XCTAssertEqual(SpectralRadius.estimate(of: triangular, size: 3), 0.9, accuracy: 1e-9)
        // A rotation scaled by 1.3 beside a smaller real eigenvalue: a complex pair of modulus 1.3.
        let c = 1.3 * 0.6, s = 1.3 * 0.8
        let rotation: [Double] = [c, -s, 0, s, c, 0, 0, 0, 1.1]
        XCTAssertEqual(SpectralRadius.estimate(of: rotation, size: 3), 1.3, accuracy: 1e-9)
        // An orthogonal permutation: every eigenvalue has modulus 1.
        XCTAssertEqual(SpectralRadius.estimate(of: [0, 1, 0, 0, 0, 1, 1, 0, 0], size: 3), 1, accuracy: 1e-9)
        XCTAssertEqual(SpectralRadius.estimate(of: [0, 1, 0, 0], size: 2), 0, "nilpotent")
    }

    func testSpectralRadiusOfTwoByTwoBlocksMatchesTheClosedForm() {
        for (kind, radius) in [(RecurrentCellKind.rnnTanh, 0.5), (.lstm, 1.0), (.gru, 1.5)] {
            for scheme in [RecurrentInit.uniform, .orthogonal] {
                let l = layer(kind, hidden: 2, layers: 2, scheme, radius: radius)
                for cell in l.cells.joined() {
                    for g in 0..<kind.gateCount {
                        let w = block(cell, g)
                        let trace = w[0][0] + w[1][1], det = w[0][0] * w[1][1] - w[0][1] * w[1][0]
                        let disc = trace * trace - 4 * det
                        let rho = disc >= 0 ? (abs(trace) + disc.squareRoot()) / 2 : det.squareRoot()
                        XCTAssertEqual(rho, radius, accuracy: 1e-6 * radius, "\(kind) \(scheme) gate \(g)")
                    }
                }
            }
        }
    }

    func testSpectralRadiusOfLargerBlocksByMatrixPowers() {
        // ‖(W/r)ᵐ‖ neither grows nor vanishes when ρ(W) = r: computed by plain repeated multiplication, m = 400.
        for radius in [0.5, 1.5] {
            let l = layer(.lstm, hidden: 10, .uniform, radius: radius)
            for g in 0..<4 {
                let w = block(l.cells[0][0], g).joined().map { $0 / radius }
                var p = w
                for _ in 1..<400 {
                    var next = [Double](repeating: 0, count: 100)
                    for i in 0..<10 { for k in 0..<10 { for j in 0..<10 { next[i * 10 + j] += p[i * 10 + k] * w[k * 10 + j] } } }
                    p = next
                }
                let norm = p.reduce(0) { $0 + $1 * $1 }.squareRoot()
                XCTAssertGreaterThan(norm, 1e-3, "gate \(g): radius below \(radius)")
                XCTAssertLessThan(norm, 1e3, "gate \(g): radius above \(radius)")
            }
        }
    }
}
