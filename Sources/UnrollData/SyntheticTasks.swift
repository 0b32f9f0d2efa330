import UnrollTensor

/// Generated data sets for recurrent-net experiments (adding, copy, reverse, sort, addition, sine).
///
/// Every task draws from an explicit `RandomGenerator`, so a seed fixes the data; arguments a user can get
/// wrong throw a `DataError`. Symbol tasks use the tokens `"0"`, `"1"`, … `"V-1"`, read as words, so that
/// `"3 1 4"` is a source sentence.
public enum SyntheticTasks {
    /// The word tokens `"0"` … `"size-1"`.
    public static func symbols(_ size: Int) -> [String] { (0..<size).map(String.init) }

    /// Checks that `count` is at least 1.
    static func checkCount(_ count: Int, task: String) throws {
        guard count >= 1 else { throw DataError("\(task): count must be at least 1, got \(count)") }
    }

    /// Checks that every length in `length` is at least `minimum`.
    static func checkLength(_ length: ClosedRange<Int>, minimum: Int, task: String) throws {
        guard length.lowerBound >= minimum else {
            throw DataError("\(task): length must be at least \(minimum), got \(describe(length))")
        }
    }

    /// Checks a symbol-vocabulary size.
    static func checkVocabulary(_ size: Int, minimum: Int = 2, task: String) throws {
        guard size >= minimum else {
            throw DataError("\(task): vocabulary must have at least \(minimum) symbols, got \(size)")
        }
    }

    /// Checks, before anything is allocated, that `count` examples of `bytesPerExample` bytes each plus `extra`
    /// bytes (nil: more than an `Int` can count) fit in this machine's memory; `sizes` names the arguments
    /// that drove the estimate (`count 1000000, length up to 10`) and `smaller` the ones to reduce.
    static func checkMemory(task: String, count: Int, bytesPerExample: Int?, extra: Int? = 0, sizes: String,
                            smaller: String) throws {
        let bytes = CheckedSize.sum([CheckedSize.product([count, bytesPerExample]), extra])
        guard MachineMemory.holds(bytes) else {
            throw DataError("\(task): the examples (\(sizes)) would need \(MachineMemory.describe(bytes)); "
                            + "\(MachineMemory.available); make \(smaller) smaller")
        }
    }

    /// A length drawn uniformly from `range`.
    static func drawLength(_ range: ClosedRange<Int>, rng: inout RandomGenerator) -> Int {
        range.lowerBound + rng.nextInt(below: range.count)
    }

    /// `4...10`, or `4` for a one-value range.
    static func describe(_ range: ClosedRange<Int>) -> String {
        range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)...\(range.upperBound)"
    }

    /// A pair data set over the symbols `"0"…"V-1"`: each source is a random symbol string with a length from
    /// `length`, and `transform` gives its target (as symbol numbers).
    static func symbolPairs(task: String, count: Int, length: ClosedRange<Int>, vocabulary: Int,
                            rng: inout RandomGenerator, transform: ([Int]) -> [Int]) throws -> SequencePairDataset {
        try checkCount(count, task: task)
        try checkLength(length, minimum: 1, task: task)
        try checkVocabulary(vocabulary, task: task)
        // Source, target and the draw: 8 bytes a symbol, plus the arrays' headers; 80 bytes a vocabulary entry.
        let maximum = length.upperBound
        try checkMemory(task: task, count: count,
                        bytesPerExample: CheckedSize.sum([CheckedSize.product([24, maximum]), 144]),
                        extra: CheckedSize.product([2, vocabulary, 80]),
                        sizes: "count \(count), length up to \(maximum), vocab \(vocabulary)",
                        smaller: "'count', 'length' or 'vocab'")
        let source = Vocabulary(symbols: symbols(vocabulary))
        let target = Vocabulary(symbols: symbols(vocabulary), specials: true)
        var examples: [SequencePairExample] = []
        examples.reserveCapacity(count)
        for _ in 0..<count {
            let n = drawLength(length, rng: &rng)
            let values = (0..<n).map { _ in rng.nextInt(below: vocabulary) }
            examples.append(SequencePairExample(source: values.map { $0 + source.reservedCount },
                                                target: transform(values).map { $0 + target.reservedCount }))
        }
        return SequencePairDataset(examples: examples, sourceVocabulary: source, targetVocabulary: target,
                                   sourceUnit: .word, targetUnit: .word)
    }
}
