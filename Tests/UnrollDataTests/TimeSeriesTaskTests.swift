import UnrollData
import UnrollTensor
import XCTest

/// Mackey–Glass and NARMA against values written down from an independent implementation in Double
/// (`scripts/make_echo_state_references.py`).
final class TimeSeriesTaskTests: XCTestCase {
    func testMackeyGlassSeriesMatchesTheReference() {
        let series = SyntheticTasks.mackeyGlassSeries(count: 600)
        XCTAssertEqual(series.count, 600)
        let expected: [(Int, Double)] = [(0, 1.1300595797966422), (1, 1.0713070335540897), (2, 1.011344245067884),
                                         (100, 1.2604631504469765), (599, 1.1785526910779132)]
        for (i, value) in expected { XCTAssertEqual(series[i], value, accuracy: 1e-12, "sample \(i)") }
        let shifted = SyntheticTasks.mackeyGlassSeries(count: 5, skip: 37)
        let expectedShifted = [0.9487482399955209, 0.9662912752083068, 0.9949934494964963, 1.0318607607222332, 1.0707660768133604]
        for (a, b) in zip(shifted, expectedShifted) { XCTAssertEqual(a, b, accuracy: 1e-12) }
        XCTAssertEqual(Array(series[37..<42]), shifted)
        let tau30 = SyntheticTasks.mackeyGlassSeries(count: 251, tau: 30)
        XCTAssertEqual(tau30[0], 0.33734210247327406, accuracy: 1e-12)
        XCTAssertEqual(tau30[250], 1.0995023011909701, accuracy: 1e-12)
    }

    func testMackeyGlassWindowsForecastTheNextSample() throws {
        let data = try SyntheticTasks.mackeyGlass(count: 3, length: 50, skip: 10)
        let series = SyntheticTasks.mackeyGlassSeries(count: 151, skip: 10).map(Float.init)
        XCTAssertEqual(data.count, 3)
        XCTAssertTrue(data.perStep)
        for (i, example) in data.examples.enumerated() {
            XCTAssertEqual(example.inputs, Array(series[(i * 50)..<(i * 50 + 50)]))
            XCTAssertEqual(example.targets, Array(series[(i * 50 + 1)...(i * 50 + 50)]))
        }
        XCTAssertThrowsError(try SyntheticTasks.mackeyGlass(count: 1, length: 10, tau: 0))
        XCTAssertThrowsError(try SyntheticTasks.mackeyGlass(count: 100_000, length: 1000)) {
            XCTAssertTrue("\($0)".contains("more than 10,000,000 samples"), "\($0)")
        }
    }

    private let narmaInputs = [
        0.038154, 0.389959, 0.219205, 0.361733, 0.488995, 0.269248, 0.25056, 0.036026, 0.134219, 0.249941, 0.339615,
        0.40187, 0.190471, 0.032968, 0.144073, 0.454797, 0.106693, 0.226062, 0.465603, 0.01245, 0.300274, 0.475065,
        0.115151, 0.274245, 0.454564, 0.066585, 0.261706, 0.375205, 0.334507, 0.233876, 0.102425, 0.245383, 0.186192,
        0.238701, 0.182945, 0.418959, 0.384324, 0.156997, 0.286313, 0.138025,
    ]
    private let narmaTargets = [
        0.1, 0.1305, 0.1406540125, 0.14480641880568002, 0.14717764475684447, 0.14903324843622673, 0.1507620010697081,
        0.15248728807388293, 0.15425055964396622, 0.17037191571635107, 0.3620326083817791, 0.37155799775889997,
        0.35091621194943556, 0.26723972083272873, 0.26876856486420136, 0.38377903214672693, 0.2714077967569976,
        0.26429179026070787, 0.39170218338579477, 0.2846073020861995, 0.4121580281378894, 0.42669080598604914,
        0.30456567536944307, 0.30051249342248754, 0.5499672971810198, 0.37435681575527824, 0.3680644575687362,
        0.5401313179735743, 0.37503668919033917, 0.3916602544425627, 0.3696628124290039, 0.32722754148607547,
        0.33859036463276004, 0.4309556416224365, 0.33516459072893623, 0.42954893965175267, 0.529056934587648,
        0.4450766293874827, 0.42235737997853273, 0.3327921037946898,
    ]

    func testNARMA10MatchesTheReference() throws {
        let targets = try XCTUnwrap(SyntheticTasks.narmaTargets(inputs: narmaInputs, order: 10))
        XCTAssertEqual(targets.count, 40)
        for (t, (a, b)) in zip(targets, narmaTargets).enumerated() { XCTAssertEqual(a, b, accuracy: 1e-12, "y(\(t + 1))") }
    }

    func testNARMADataIsSeededAndInRange() throws {
        var a = RandomGenerator(seed: 3), b = RandomGenerator(seed: 3), c = RandomGenerator(seed: 4)
        let one = try SyntheticTasks.narma(count: 2, length: 300, rng: &a)
        XCTAssertEqual(one.examples, try SyntheticTasks.narma(count: 2, length: 300, rng: &b).examples)
        XCTAssertNotEqual(one.examples, try SyntheticTasks.narma(count: 2, length: 300, rng: &c).examples)
        for example in one.examples {
            XCTAssertTrue(example.inputs.allSatisfy { $0 >= 0 && $0 < 0.5 })
            let expected = try XCTUnwrap(SyntheticTasks.narmaTargets(inputs: example.inputs.map(Double.init), order: 10))
            XCTAssertEqual(example.targets, expected.map(Float.init))
        }
        XCTAssertThrowsError(try SyntheticTasks.narma(count: 1, length: 5, order: 0, rng: &a))
    }

    func testADivergingNARMAIsAnError() {
        var rng = RandomGenerator(seed: 1)
        XCTAssertNil(SyntheticTasks.narmaTargets(inputs: [Double](repeating: 0.5, count: 400), order: 30))
        XCTAssertThrowsError(try SyntheticTasks.narma(count: 5, length: 2000, order: 60, rng: &rng)) {
            XCTAssertTrue("\($0)".contains("diverged"), "\($0)")
        }
    }
}
