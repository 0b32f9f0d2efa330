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

    /// Why `count` examples of `task` would not fit in this machine's memory, or nil when they fit: for
    /// `adding` and `sine` sequences of up to `longest` steps, for `copy`, `reverse` and `sort` sequences of up
    /// to `longest` symbols over `vocabulary` symbols, for `addition` operands of `longest` digits. The checker
    /// asks it when the sizes are constants (exit 65); the generators ask it before allocating.
    public static func memoryProblem(task: String, count: Int, longest: Int, vocabulary: Int = 0) -> String? {
        let perExample: Int?, extra: Int?, sizes: String, smaller: String
        switch task {
        case "copy", "reverse", "sort":
            // Source, target and the draw: 8 bytes a symbol, plus the arrays' headers; 80 bytes a vocabulary entry.
            perExample = CheckedSize.sum([CheckedSize.product([24, longest]), 144])
            extra = CheckedSize.product([2, vocabulary, 80])
            sizes = "count \(count), length up to \(longest), vocab \(vocabulary)"
            smaller = "'count', 'length' or 'vocab'"
        case "addition":
            // Source `a+b` and target sum ids, 8 bytes a character, plus the arrays' headers and the example.
            perExample = CheckedSize.sum([CheckedSize.product([8, CheckedSize.sum([CheckedSize.product([3, longest]), 2])]), 144])
            extra = 0
            sizes = "count \(count), digits \(longest)"
            smaller = "'count'"
        default:
            // Two values of 4 bytes a step (adding: value and marker; sine: input and target), plus the arrays'
            // headers and the example.
            perExample = CheckedSize.sum([CheckedSize.product([8, longest]), 112])
            extra = 0
            sizes = "count \(count), length up to \(longest)"
            smaller = "'count' or 'length'"
        }
        let bytes = CheckedSize.sum([CheckedSize.product([count, perExample]), extra])
        if MachineMemory.holds(bytes) { return nil }
        return "\(task): the examples (\(sizes)) would need \(MachineMemory.describe(bytes)); \(MachineMemory.available); "
            + "make \(smaller) smaller"
    }

    /// Throws `memoryProblem` as a `DataError`, if there is one.
    static func checkMemory(task: String, count: Int, longest: Int, vocabulary: Int = 0) throws {
        if let problem = memoryProblem(task: task, count: count, longest: longest, vocabulary: vocabulary) {
            throw DataError(problem)
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
        try checkMemory(task: task, count: count, longest: length.upperBound, vocabulary: vocabulary)
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
