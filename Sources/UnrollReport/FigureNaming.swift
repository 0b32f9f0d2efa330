/// Names figure files after their cell and output (`train-lm-history.svg`), so that names stay stable when
/// other cells are added, and stay unique within a report.
public struct FigureNaming: Sendable {
    /// File names handed out so far.
    private var taken: Set<String> = []

    /// A naming with no names handed out yet.
    public init() {}

    /// A new unique file name for output `outputName` of cell `cellID`: characters other than ASCII letters,
    /// digits, `.`, `_` and `-` become `-`; a clash gets `-2`, `-3`, … appended.
    public mutating func fileName(cellID: String, outputName: String) -> String {
        let base = FigureNaming.sanitize(cellID + "-" + outputName)
        var name = base + ".svg"
        var counter = 2
        while taken.contains(name) {
            name = "\(base)-\(counter).svg"
            counter += 1
        }
        taken.insert(name)
        return name
    }

    /// `text` reduced to a portable file-name stem.
    static func sanitize(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let keep = scalar.isASCII
                && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || scalar == "." || scalar == "_" || scalar == "-")
            out.unicodeScalars.append(keep ? scalar : "-")
        }
        while out.hasPrefix(".") { out.removeFirst() }
        return out.isEmpty ? "figure" : out
    }
}
