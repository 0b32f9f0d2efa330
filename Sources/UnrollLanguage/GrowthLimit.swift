/// How large a list or a string may grow by the language's own operations (`xs + xs`, `s + s`, generated
/// text), so that doubling a value in a loop stops with a located error long before it exhausts memory.
///
/// A list of 10 million values takes a few hundred MB; real notebooks build lists of at most thousands.
public enum GrowthLimit {
    /// The most items a list may hold.
    public static let listItems = 10_000_000
    /// The most bytes (UTF-8) a string may hold.
    public static let stringBytes = 100_000_000
}
