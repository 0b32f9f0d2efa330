import Foundation
import UnrollData
import UnrollTensor
import XCTest

/// Every synthetic task against its definition (the doc comments in Sources/UnrollData and `docs/language.md`),
/// over many seeds: each check recomputes the target from the example's source as the definition reads, from the
/// decoded text or the raw inputs rather than from the generator's own code, so golden values pasted from the
/// implementation are not the only thing that pins a task down.
final class SyntheticTaskDefinitionTests: XCTestCase {
    private let seeds: [UInt64] = Array(1...25)

    // MARK: - adding

    /// Two features per step (a value in [0, 1) and a 0/1 marker), exactly two markers (one in each half), and the
    /// target is the sum of the two marked values.
    func testAddingTargetIsTheSumOfTheTwoMarkedValues() throws {
        for seed in seeds {
            var rng = RandomGenerator(seed: seed)
            let data = try SyntheticTasks.adding(count: 40, length: 2...50, rng: &rng)
            XCTAssertEqual(data.featureCount, 2)
            XCTAssertEqual(data.outputCount, 1)
            for (i, example) in data.examples.enumerated() {
                let steps = example.steps
                XCTAssertEqual(example.inputs.count, 2 * steps)
                let values = stride(from: 0, to: example.inputs.count, by: 2).map { example.inputs[$0] }
                let markers = stride(from: 1, to: example.inputs.count, by: 2).map { example.inputs[$0] }
                XCTAssertTrue(values.allSatisfy { $0 >= 0 && $0 < 1 }, "seed \(seed) example \(i): values in [0, 1)")
                XCTAssertTrue(markers.allSatisfy { $0 == 0 || $0 == 1 }, "seed \(seed) example \(i): markers are 0 or 1")
                let marked = markers.indices.filter { markers[$0] == 1 }
                XCTAssertEqual(marked.count, 2, "seed \(seed) example \(i): exactly two markers")
                guard marked.count == 2 else { continue }
                XCTAssertLessThan(marked[0], steps / 2, "seed \(seed) example \(i): first marker in the first half")
                XCTAssertGreaterThanOrEqual(marked[1], steps / 2, "seed \(seed) example \(i): second in the second half")
                let sum = Double(values[marked[0]]) + Double(values[marked[1]])
                XCTAssertEqual(example.targets.count, 1)
                XCTAssertEqual(Double(example.targets[0]), sum, accuracy: 1e-6, "seed \(seed) example \(i)")
            }
        }
    }

    /// Each marker position is drawn uniformly from its half: over many sequences every position of each half is
    /// marked, and no other.
    func testAddingMarkersCoverEachHalf() throws {
        var rng = RandomGenerator(seed: 77)
        let data = try SyntheticTasks.adding(count: 1000, length: 11, rng: &rng)
        var first = Set<Int>(), second = Set<Int>()
        for example in data.examples {
            let marked = (0..<11).filter { example.inputs[2 * $0 + 1] == 1 }
            guard marked.count == 2 else { return XCTFail("\(marked.count) markers") }
            first.insert(marked[0])
            second.insert(marked[1])
        }
        XCTAssertEqual(first, Set(0..<5))
        XCTAssertEqual(second, Set(5..<11))
    }

    // MARK: - copy, reverse, sort

    /// The source and target of each pair as numbers, read from their decoded text (words `"0"`…`"V-1"`).
    private func numbers(_ data: SequencePairDataset, _ example: SequencePairExample) -> (source: [Int], target: [Int]) {
        let read = { (text: String) in text.split(separator: " ").map { Int($0) ?? -1 } }
        return (read(data.decodeSource(example.source)), read(data.decodeTarget(example.target)))
    }

    /// Checks what the three symbol tasks share: lengths from the range, symbols `0..<V`, no reserved ids, and
    /// every length of the range drawn; `target` is what the definition says the target of a source is.
    private func checkSymbolTask(_ name: String, vocabulary: Int, length: ClosedRange<Int>,
                                 _ make: (inout RandomGenerator) throws -> SequencePairDataset,
                                 target: ([Int]) -> [Int], file: StaticString = #filePath, line: UInt = #line) throws {
        var lengths = Set<Int>()
        for seed in seeds {
            var rng = RandomGenerator(seed: seed)
            let data = try make(&rng)
            XCTAssertEqual(data.count, 40, file: file, line: line)
            for (i, example) in data.examples.enumerated() {
                let (source, produced) = numbers(data, example)
                let context = "\(name), seed \(seed), example \(i): \(source) → \(produced)"
                XCTAssertTrue(length.contains(source.count), context, file: file, line: line)
                XCTAssertEqual(source.count, example.source.count, context, file: file, line: line)
                XCTAssertTrue(source.allSatisfy { (0..<vocabulary).contains($0) }, context, file: file, line: line)
                XCTAssertFalse(example.target.contains { data.targetVocabulary.isReserved($0) }, context,
                               file: file, line: line)
                XCTAssertEqual(produced, target(source), context, file: file, line: line)
                lengths.insert(source.count)
            }
        }
        XCTAssertEqual(lengths, Set(length), "\(name): every length is drawn", file: file, line: line)
    }

    /// Copy: the target is the source, symbol for symbol (no delay, no markers).
    func testCopyTargetIsTheSource() throws {
        try checkSymbolTask("copy", vocabulary: 7, length: 1...9, {
            try SyntheticTasks.copy(count: 40, length: 1...9, vocabulary: 7, rng: &$0)
        }, target: { $0 })
    }

    /// Reverse: the target is the source read from its last symbol to its first.
    func testReverseTargetIsTheSourceReversed() throws {
        try checkSymbolTask("reverse", vocabulary: 12, length: 1...10, {
            try SyntheticTasks.reverse(count: 40, length: 1...10, vocabulary: 12, rng: &$0)
        }, target: { source in source.indices.map { source[source.count - 1 - $0] } })
    }

    /// Sort: the target holds the source's symbols in ascending numeric order (`10` after `9`, with
    /// repeats kept): it has each symbol as often as the source and never decreases.
    func testSortTargetIsTheSourceInAscendingNumericOrder() throws {
        try checkSymbolTask("sort", vocabulary: 12, length: 2...10, {
            try SyntheticTasks.sort(count: 40, length: 2...10, vocabulary: 12, rng: &$0)
        }, target: { source in
            // Counting sort: as many of each symbol as the source has, smallest first.
            (0..<12).flatMap { symbol in Array(repeating: symbol, count: source.filter { $0 == symbol }.count) }
        })
    }

    // MARK: - addition

    /// The source is `a+b` with each operand below `10^digits` and no leading zeros; the target is the decimal
    /// digits of `a + b`, one character per token.
    func testAdditionTargetIsTheDigitsOfTheSum() throws {
        for digits in 1...SyntheticTasks.maximumAdditionDigits {
            var widest = 0
            for seed in seeds.prefix(8) {
                var rng = RandomGenerator(seed: seed)
                let data = try SyntheticTasks.addition(count: 40, digits: digits, rng: &rng)
                for (i, example) in data.examples.enumerated() {
                    let question = data.decodeSource(example.source), answer = data.decodeTarget(example.target)
                    let context = "digits \(digits), seed \(seed), example \(i): \(question) → \(answer)"
                    XCTAssertEqual(example.source.count, question.count, context)
                    XCTAssertEqual(example.target.count, answer.count, context)
                    let operands = question.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
                    XCTAssertEqual(operands.count, 2, context)
                    guard operands.count == 2 else { continue }
                    var sum = 0
                    for operand in operands {
                        XCTAssertTrue(!operand.isEmpty && operand.allSatisfy(\.isASCII) && operand.allSatisfy(\.isNumber),
                                      context)
                        XCTAssertTrue(operand == "0" || !operand.hasPrefix("0"), "\(context): no leading zero")
                        XCTAssertLessThanOrEqual(operand.count, digits, context)
                        widest = max(widest, operand.count)
                        // Digit by digit, so as not to lean on Int's own parsing of the same text.
                        sum += operand.reduce(0) { $0 * 10 + Int($1.asciiValue! - 48) }
                    }
                    var expected: [Character] = []
                    repeat { expected.insert(Character(String(sum % 10)), at: 0); sum /= 10 } while sum > 0
                    XCTAssertEqual(Array(answer), expected, context)
                }
            }
            XCTAssertEqual(widest, digits, "some operand has all \(digits) digits")
        }
    }

    // MARK: - sine

    /// Checks that `wave` (at least 3 values) is a sampled unit sine `sin(ω t + φ)` and returns its frequency in
    /// cycles per step: `cos ω` is fitted from the recurrence `x(t+1) + x(t-1) = 2 cos ω · x(t)`, every step must
    /// follow it, and the amplitude `x(t)² + ((x(t+1) − cos ω · x(t)) / sin ω)²` must be 1.
    private func sineFrequency(of wave: [Float], _ context: String, file: StaticString = #filePath, line: UInt = #line)
        -> Double {
        let x = wave.map(Double.init)
        var numerator = 0.0, denominator = 0.0
        for t in 1..<(x.count - 1) {
            numerator += x[t] * (x[t + 1] + x[t - 1])
            denominator += 2 * x[t] * x[t]
        }
        let c = numerator / denominator
        let s = (1 - c * c).squareRoot()
        for t in 1..<(x.count - 1) {
            XCTAssertEqual(x[t + 1], 2 * c * x[t] - x[t - 1], accuracy: 1e-4, "\(context): step \(t + 1)",
                           file: file, line: line)
        }
        for t in 0..<(x.count - 1) {
            let cosine = (x[t + 1] - c * x[t]) / s
            XCTAssertEqual(x[t] * x[t] + cosine * cosine, 1, accuracy: 1e-3, "\(context): amplitude at step \(t)",
                           file: file, line: line)
        }
        return acos(c) / (2 * Double.pi)
    }

    /// Without noise the inputs are one unit sine wave with a frequency in `sineFrequencies`, and the target at
    /// each step is the wave's next value: the following input, and past the last input the wave continued.
    func testSineTargetIsTheNextValueOfTheSameWave() throws {
        let range = SyntheticTasks.sineFrequencies
        var lowest = 1.0, highest = 0.0
        for seed in seeds {
            var rng = RandomGenerator(seed: seed)
            let data = try SyntheticTasks.sine(count: 20, length: 3...40, rng: &rng)
            XCTAssertTrue(data.perStep)
            for (i, example) in data.examples.enumerated() {
                let context = "seed \(seed), example \(i)"
                let steps = example.steps
                XCTAssertEqual(example.inputs.count, steps, context)
                XCTAssertEqual(example.targets.count, steps, context)
                for t in 0..<(steps - 1) { XCTAssertEqual(example.targets[t], example.inputs[t + 1], context) }
                // The inputs followed by the last target are one wave; the last target is not any input.
                let f = sineFrequency(of: example.inputs + [example.targets[steps - 1]], context)
                XCTAssertTrue(f >= Double(range.lowerBound) - 1e-3 && f <= Double(range.upperBound) + 1e-3,
                              "\(context): frequency \(f)")
                lowest = min(lowest, f)
                highest = max(highest, f)
            }
        }
        // Frequencies spread over the range.
        XCTAssertLessThan(lowest, Double(range.lowerBound) + 0.01)
        XCTAssertGreaterThan(highest, Double(range.upperBound) - 0.01)
    }

    /// With noise the targets are still the noise-free next values of one unit sine wave, and the inputs differ
    /// from the wave by noise of the given standard deviation.
    func testSineNoiseIsOnTheInputsOnly() throws {
        let noise: Float = 0.1
        var squares = 0.0, count = 0
        for seed in seeds {
            var rng = RandomGenerator(seed: seed)
            let data = try SyntheticTasks.sine(count: 10, length: 30, noise: noise, rng: &rng)
            for (i, example) in data.examples.enumerated() {
                let f = sineFrequency(of: example.targets, "seed \(seed), example \(i)")
                XCTAssertTrue(SyntheticTasks.sineFrequencies.contains(Float(f)) || abs(f - 0.025) < 1e-3 || abs(f - 0.1) < 1e-3)
                for t in 1..<30 {
                    let deviation = Double(example.inputs[t] - example.targets[t - 1])
                    squares += deviation * deviation
                    count += 1
                }
            }
        }
        let deviation = (squares / Double(count)).squareRoot()
        XCTAssertEqual(deviation, Double(noise), accuracy: 0.01, "the inputs' noise has standard deviation \(noise)")
    }
}
