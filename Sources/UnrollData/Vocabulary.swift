/// A two-way map between tokens and integer ids, with reserved ids for padding and unknown tokens.
///
/// Id 0 is always `"<pad>"` and id 1 is `"<unk>"`; with specials, 2 is `"<bos>"` and 3 is `"<eos>"`. The
/// regular tokens follow in a deterministic order.
public struct Vocabulary: Equatable, Sendable {
    /// The padding token, id 0.
    public static let padToken = "<pad>"
    /// The token standing for anything not in the vocabulary, id 1.
    public static let unknownToken = "<unk>"
    /// The begin-of-sequence token (with specials), id 2.
    public static let beginToken = "<bos>"
    /// The end-of-sequence token (with specials), id 3.
    public static let endToken = "<eos>"

    /// Every token, indexed by id.
    public let tokens: [String]
    /// Whether `<bos>` and `<eos>` are present.
    public let hasSpecials: Bool
    private let ids: [String: Int]

    /// A vocabulary of the tokens in `sequences`, most frequent first and ties by token (code-point order).
    ///
    /// - Parameters:
    ///   - minFrequency: tokens seen fewer times are left out (values below 1 count as 1).
    ///   - maxSize: the largest `count`, reserved tokens included; the rarest tokens are dropped to fit.
    ///   - specials: also reserve `<bos>` and `<eos>`.
    public init(counting sequences: [[String]], minFrequency: Int = 1, maxSize: Int? = nil, specials: Bool = false) {
        var counts: [String: Int] = [:]
        let reserved = Vocabulary.reservedTokens(specials: specials)
        for sequence in sequences {
            for token in sequence { counts[token, default: 0] += 1 }
        }
        for token in reserved { counts[token] = nil }
        let floor = max(1, minFrequency)
        var ranked = counts.filter { $0.value >= floor }.map { (token: $0.key, count: $0.value) }
        ranked.sort { a, b in
            a.count != b.count ? a.count > b.count : Vocabulary.codePointLess(a.token, b.token)
        }
        var regular = ranked.map(\.token)
        if let maxSize {
            regular = Array(regular.prefix(max(0, maxSize - reserved.count)))
        }
        self.init(reserved: reserved, regular: regular, specials: specials)
    }

    /// A vocabulary of exactly `symbols`, in the given order, after the reserved tokens (duplicates and
    /// reserved names among `symbols` are skipped).
    public init(symbols: [String], specials: Bool = false) {
        let reserved = Vocabulary.reservedTokens(specials: specials)
        var seen = Set(reserved)
        var regular: [String] = []
        for symbol in symbols where seen.insert(symbol).inserted { regular.append(symbol) }
        self.init(reserved: reserved, regular: regular, specials: specials)
    }

    private init(reserved: [String], regular: [String], specials: Bool) {
        tokens = reserved + regular
        hasSpecials = specials
        var ids: [String: Int] = [:]
        for (i, token) in tokens.enumerated() { ids[token] = i }
        self.ids = ids
    }

    /// The reserved tokens at the front of every vocabulary.
    static func reservedTokens(specials: Bool) -> [String] {
        specials ? [padToken, unknownToken, beginToken, endToken] : [padToken, unknownToken]
    }

    /// The number of tokens, reserved ones included (the embedding table's row count).
    public var count: Int { tokens.count }
    /// The number of reserved tokens at the front (2, or 4 with specials).
    public var reservedCount: Int { hasSpecials ? 4 : 2 }
    /// The padding id, 0.
    public var padIndex: Int { 0 }
    /// The unknown-token id, 1.
    public var unknownIndex: Int { 1 }
    /// The begin-of-sequence id, 2, when the vocabulary has specials.
    public var beginIndex: Int? { hasSpecials ? 2 : nil }
    /// The end-of-sequence id, 3, when the vocabulary has specials.
    public var endIndex: Int? { hasSpecials ? 3 : nil }

    /// The id of `token`, or `unknownIndex` when it is not in the vocabulary.
    public func index(of token: String) -> Int { ids[token] ?? unknownIndex }

    /// Whether `token` has an id of its own.
    public func contains(_ token: String) -> Bool { ids[token] != nil }

    /// The ids of `tokens`, unknown ones mapped to `unknownIndex`.
    public func encode(_ tokens: [String]) -> [Int] { tokens.map(index(of:)) }

    /// The tokens of `ids`; ids out of range decode as `<unk>`.
    public func decode(_ ids: [Int]) -> [String] {
        ids.map { $0 >= 0 && $0 < tokens.count ? tokens[$0] : Vocabulary.unknownToken }
    }

    /// Whether `id` is one of the reserved ids (pad, unk, and bos/eos with specials).
    public func isReserved(_ id: Int) -> Bool { id >= 0 && id < reservedCount }

    /// Compares by Unicode scalar values, which unlike `String.<` does not depend on normalization tables.
    static func codePointLess(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
    }

    /// Two vocabularies are equal when they hold the same tokens in the same order.
    public static func == (lhs: Vocabulary, rhs: Vocabulary) -> Bool {
        lhs.tokens == rhs.tokens && lhs.hasSpecials == rhs.hasSpecials
    }
}
