/// One truncated-BPTT window of a `LanguageModelStream`: `N` rows of `T` input ids and their next ids.
public struct LanguageModelWindow: Equatable, Sendable {
    /// The window's position in the stream (0, 1, …).
    public let index: Int
    /// The number of rows `N`.
    public let batch: Int
    /// The window length `T` (`bptt`, or less for the final window).
    public let steps: Int
    /// Input ids `N × T` row-major.
    public let inputs: [Int]
    /// Target ids `N × T` row-major: each input's next token.
    public let targets: [Int]
}

/// A token stream laid out as `N` parallel rows and cut into windows of `bptt` steps, for training a
/// language model with truncated back-propagation through time.
///
/// The stream of `L` ids is cut into `N` contiguous rows of `S = (L − 1) / N` steps (the leftover tail is
/// dropped); row `r` reads ids `r·S ..< r·S + S` and predicts ids `r·S + 1 ..< r·S + S + 1`. Window `k` holds
/// steps `k·bptt ..< min((k+1)·bptt, S)` of every row, so row `r` of window `k + 1` continues row `r` of window
/// `k` and the recurrent state can be carried over between them. The final window may be shorter.
public struct LanguageModelStream: Sendable {
    /// The stream's ids.
    public let ids: [Int]
    /// The number of parallel rows `N`.
    public let rows: Int
    /// The window length.
    public let bptt: Int
    /// The steps in each row, `S`.
    public let rowLength: Int

    /// Lays out `ids` in `rows` rows with windows of `bptt` steps.
    ///
    /// Throws a `DataError` when `rows` or `bptt` is below 1 or the stream is too short to give every row at
    /// least one step.
    public init(ids: [Int], rows: Int, bptt: Int) throws {
        guard rows >= 1 else { throw DataError("batch must be at least 1, got \(rows)") }
        guard bptt >= 1 else { throw DataError("bptt must be at least 1, got \(bptt)") }
        let rowLength = (ids.count - 1) / rows
        guard ids.count >= 2, rowLength >= 1 else {
            throw DataError("a stream of \(ids.count) tokens is too short for \(rows) rows "
                + "(need \(rows < Int.max ? "at least \(rows + 1)" : "more than \(rows)")); use a smaller batch or more text")
        }
        self.ids = ids
        self.rows = rows
        self.bptt = bptt
        self.rowLength = rowLength
    }

    /// The number of windows, `⌈S / bptt⌉`.
    public var windowCount: Int { rowLength == 0 ? 0 : (rowLength - 1) / bptt + 1 }

    /// The number of target tokens in one pass over the windows, `N · S`.
    public var tokenCount: Int { rows * rowLength }

    /// Window `k` (0 ≤ k < `windowCount`).
    public func window(_ k: Int) -> LanguageModelWindow {
        precondition(k >= 0 && k < windowCount, "LanguageModelStream: window \(k) of \(windowCount)")
        let start = k * bptt
        let steps = min(bptt, rowLength - start)
        var inputs = [Int](repeating: 0, count: rows * steps)
        var targets = [Int](repeating: 0, count: rows * steps)
        for r in 0..<rows {
            let base = r * rowLength + start
            for t in 0..<steps {
                inputs[r * steps + t] = ids[base + t]
                targets[r * steps + t] = ids[base + t + 1]
            }
        }
        return LanguageModelWindow(index: k, batch: rows, steps: steps, inputs: inputs, targets: targets)
    }

    /// All windows, in order.
    public var windows: [LanguageModelWindow] { (0..<windowCount).map(window) }
}
