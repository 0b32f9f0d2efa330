import UnrollTensor

extension SyntheticTasks {
    /// The largest operand width `addition` accepts.
    public static let maximumAdditionDigits = 9

    /// Addition written out as text (Zaremba & Sutskever's "learning to execute" style): the source is
    /// `"a+b"` and the target the decimal sum, read character by character (`"12+7"` → `"19"`).
    ///
    /// Each operand is drawn uniformly from `0 ..< 10^digits` (so it has at most `digits` digits, no
    /// leading zeros). Source characters are `0`–`9` and `+`; target characters `0`–`9`.
    public static func addition(count: Int, digits: Int, rng: inout RandomGenerator) throws -> SequencePairDataset {
        try checkCount(count, task: "addition")
        guard (1...maximumAdditionDigits).contains(digits) else {
            throw DataError("addition: digits must be between 1 and \(maximumAdditionDigits), got \(digits)")
        }
        try checkMemory(task: "addition", count: count, longest: digits)
        let digitSymbols = symbols(10)
        let source = Vocabulary(symbols: digitSymbols + ["+"])
        let target = Vocabulary(symbols: digitSymbols, specials: true)
        var limit = 1
        for _ in 0..<digits { limit *= 10 }
        var examples: [SequencePairExample] = []
        examples.reserveCapacity(count)
        for _ in 0..<count {
            let a = rng.nextInt(below: limit), b = rng.nextInt(below: limit)
            let question = TokenUnit.char.tokenize("\(a)+\(b)")
            let answer = TokenUnit.char.tokenize("\(a + b)")
            examples.append(SequencePairExample(source: source.encode(question), target: target.encode(answer)))
        }
        return SequencePairDataset(examples: examples, sourceVocabulary: source, targetVocabulary: target,
                                   sourceUnit: .char, targetUnit: .char)
    }
}
