/// One of N slices of a set of notebooks (`--shard I/N`), so that CI can split a check across machines.
///
/// The assignment is stable: the notebooks are sorted by path (byte order), and the k-th of them (counting
/// from 0) goes to shard (k mod N) + 1. Every notebook lands in exactly one shard.
public struct Shard: Equatable, Sendable {
    /// The 1-based number of this shard.
    public var index: Int
    /// How many shards there are.
    public var count: Int

    /// Reads `I/N` with 1 ≤ I ≤ N; returns nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }

    /// The paths that belong to this shard, in their given order.
    public func select(_ paths: [String]) -> [String] {
        let sorted = paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var mine = Set<String>()
        for (k, path) in sorted.enumerated() where k % count + 1 == index { mine.insert(path) }
        return paths.filter { mine.contains($0) }
    }
}
