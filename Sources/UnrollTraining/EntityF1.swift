/// Entity-level scores of BIO / IOB1 / BIOES tagging as conlleval (and seqeval's default mode) defines them: a
/// chunk counts as right only when its type, start and end all match a true chunk.
///
/// Tags are `O` or a prefix `B I E S` and a type (`B-PER`); a tag without `-TYPE` has the empty type. Chunking
/// follows conlleval's `startOfChunk`/`endOfChunk`: a chunk starts at `B` or `S`, at an `I` or `E` after `O`, `E`
/// or `S` (an `I-` without a `B-` starts one), and wherever the type changes; it ends before `B`, `S` or `O`, after
/// `E` or `S`, and wherever the type changes. Sentences are scored one by one (a chunk never spans two).
public enum EntityF1 {
    /// A typed span `[start, end]` (inclusive) of a tag sequence.
    public struct Chunk: Hashable, Sendable {
        /// The entity type (`PER`), empty for untyped tags.
        public var type: String
        /// The first position.
        public var start: Int
        /// The last position.
        public var end: Int

        /// A chunk from its parts.
        public init(type: String, start: Int, end: Int) {
            self.type = type
            self.start = start
            self.end = end
        }
    }

    /// The chunks of one sentence's tags, in order.
    public static func chunks(_ tags: [String]) -> [Chunk] {
        var chunks: [Chunk] = []
        var previous: (prefix: Character, type: Substring) = ("O", "")
        var begin = 0
        for (i, tag) in (tags + ["O"]).enumerated() {
            let current = split(tag)
            if endsChunk(previous, current) { chunks.append(Chunk(type: String(previous.type), start: begin, end: i - 1)) }
            if startsChunk(previous, current) { begin = i }
            previous = current
        }
        return chunks
    }

    /// Per-type and averaged scores of `predicted` against `gold`, sentence by sentence (the two must have the same
    /// number of sentences and tags); types are sorted by code point.
    public static func scores(gold: [[String]], predicted: [[String]]) -> ClassScores {
        precondition(gold.count == predicted.count, "entity scores: \(gold.count) true and \(predicted.count) predicted sentences")
        var counts: [String: PrecisionRecall] = [:]
        for (truth, guess) in zip(gold, predicted) {
            precondition(truth.count == guess.count, "entity scores: \(truth.count) true and \(guess.count) predicted tags")
            let trueChunks = Set(chunks(truth)), guessedChunks = Set(chunks(guess))
            for c in trueChunks { counts[c.type, default: PrecisionRecall()].actual += 1 }
            for c in guessedChunks {
                counts[c.type, default: PrecisionRecall()].predicted += 1
                if trueChunks.contains(c) { counts[c.type]!.correct += 1 }
            }
        }
        let names = counts.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        return ClassScores(classes: names.map { (name: $0, counts: counts[$0]!) })
    }

    /// The prefix letter and the type of a tag: `B-PER` → (`B`, `PER`), `O` → (`O`, ``).
    private static func split(_ tag: String) -> (prefix: Character, type: Substring) {
        guard let first = tag.first else { return ("O", "") }
        if first == "O" && tag.count == 1 { return ("O", "") }
        let rest = tag.dropFirst()
        return (first, rest.first == "-" ? rest.dropFirst() : rest)
    }

    /// conlleval's `endOfChunk`: whether a chunk ends between `previous` and `current`.
    private static func endsChunk(_ previous: (prefix: Character, type: Substring),
                                  _ current: (prefix: Character, type: Substring)) -> Bool {
        let (p, t) = (previous.prefix, current.prefix)
        if p == "E" || p == "S" { return true }
        if (p == "B" || p == "I") && (t == "B" || t == "S" || t == "O") { return true }
        return p != "O" && previous.type != current.type
    }

    /// conlleval's `startOfChunk`: whether a chunk starts at `current`.
    private static func startsChunk(_ previous: (prefix: Character, type: Substring),
                                    _ current: (prefix: Character, type: Substring)) -> Bool {
        let (p, t) = (previous.prefix, current.prefix)
        if t == "B" || t == "S" { return true }
        if (p == "E" || p == "S" || p == "O") && (t == "E" || t == "I") { return true }
        return t != "O" && previous.type != current.type
    }
}
