/// A word-level diff of two texts: both are split into words and runs of whitespace, the longest common
/// subsequence of those tokens is kept, and what is left is removed from the old text or inserted into the new.
///
/// Changes separated only by whitespace are joined into one, so that `a b c` → `x y z` reads as one replacement
/// rather than three. Common leading and trailing tokens are matched before the quadratic table is built; when
/// what remains would need more than `tableLimit` table entries, the middle is reported as one replacement.
public enum WordDiff {
    /// The largest LCS table built (entries); beyond it, the differing middle is one replacement.
    public static let tableLimit = 4_000_000

    /// One stretch of the diff.
    public enum Piece: Equatable, Sendable {
        /// Text both sides share.
        case same(String)
        /// Text of the old side replaced by text of the new side; either may be empty (a pure insertion or removal).
        case changed(old: String, new: String)
    }

    /// The pieces taking `old` to `new`, in order; concatenating the `same` and `old` parts gives `old` back,
    /// and the `same` and `new` parts give `new`.
    public static func pieces(old: String, new: String) -> [Piece] {
        let a = tokens(old), b = tokens(new)
        var edits: [Edit] = []
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix
            && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        for token in a[..<prefix] { edits.append(.same(token)) }
        let middleA = Array(a[prefix..<(a.count - suffix)]), middleB = Array(b[prefix..<(b.count - suffix)])
        edits += middle(middleA, middleB)
        for token in a[(a.count - suffix)...] { edits.append(.same(token)) }
        return grouped(edits)
    }

    /// The text split into maximal runs of whitespace and of everything else.
    static func tokens(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var current: Bool?
        for index in text.indices {
            let space = text[index].isWhitespace
            if let current, current != space {
                result.append(text[start..<index])
                start = index
            }
            current = space
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }

    /// One token kept, removed or inserted.
    enum Edit: Equatable {
        case same(Substring)
        case removed(Substring)
        case inserted(Substring)
    }

    /// The edits between two token lists with no common first or last token, by a longest-common-subsequence
    /// table (suffix lengths, so the walk goes forward), or one replacement when the table would be too large.
    static func middle(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        let n = a.count, m = b.count
        let (entries, overflow) = (n + 1).multipliedReportingOverflow(by: m + 1)
        if n == 0 || m == 0 || overflow || entries > tableLimit {
            return a.map(Edit.removed) + b.map(Edit.inserted)
        }
        // Tokens are compared as small integers, so that the table loop compares numbers, not strings.
        var ids: [Substring: Int32] = [:]
        func id(_ token: Substring) -> Int32 {
            if let known = ids[token] { return known }
            let next = Int32(ids.count)
            ids[token] = next
            return next
        }
        let x = a.map(id), y = b.map(id)
        let width = m + 1
        var table = [Int32](repeating: 0, count: (n + 1) * width)
        table.withUnsafeMutableBufferPointer { t in
            x.withUnsafeBufferPointer { xs in
                y.withUnsafeBufferPointer { ys in
                    for i in stride(from: n - 1, through: 0, by: -1) {
                        let row = i * width, below = (i + 1) * width
                        let xi = xs[i]
                        for j in stride(from: m - 1, through: 0, by: -1) {
                            t[row + j] = xi == ys[j] ? t[below + j + 1] + 1 : max(t[below + j], t[row + j + 1])
                        }
                    }
                }
            }
        }
        var edits: [Edit] = []
        edits.reserveCapacity(n + m)
        var i = 0, j = 0
        while i < n && j < m {
            if x[i] == y[j] {
                edits.append(.same(a[i])); i += 1; j += 1
            } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
                edits.append(.removed(a[i])); i += 1
            } else {
                edits.append(.inserted(b[j])); j += 1
            }
        }
        while i < n { edits.append(.removed(a[i])); i += 1 }
        while j < m { edits.append(.inserted(b[j])); j += 1 }
        return edits
    }

    /// Joins the edits into pieces: neighbouring changes merge, and so do changes with only whitespace between
    /// them (the whitespace then belongs to both sides of the replacement).
    static func grouped(_ edits: [Edit]) -> [Piece] {
        var pieces: [Piece] = []
        var same = "", old = "", new = "", pendingSpace = ""
        var inChange = false
        func flushSame() {
            if !same.isEmpty { pieces.append(.same(same)); same = "" }
        }
        func closeChange() {
            if inChange { pieces.append(.changed(old: old, new: new)); old = ""; new = ""; inChange = false }
            if !pendingSpace.isEmpty { same += pendingSpace; pendingSpace = "" }
        }
        for edit in edits {
            switch edit {
            case .same(let token):
                if inChange && token.first?.isWhitespace == true {
                    pendingSpace += token
                } else {
                    closeChange()
                    same += token
                }
            case .removed(let token), .inserted(let token):
                if inChange {
                    old += pendingSpace; new += pendingSpace; pendingSpace = ""
                } else {
                    flushSame()
                    inChange = true
                }
                if case .removed = edit { old += token } else { new += token }
            }
        }
        closeChange()
        flushSame()
        return pieces
    }
}
