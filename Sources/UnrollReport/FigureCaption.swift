/// The line under a numbered figure: `Figure 2. ` and the caption given with `plot … { caption: }`, or
/// `Figure 2` alone.
struct FigureCaption {
    /// `Figure N.` (with the period only before a caption).
    let label: String
    /// The caption, after a space; empty when there is none.
    let text: String

    /// The caption line of figure `number` with `caption`; nil when the figure has no number.
    init?(number: Int?, caption: String?) {
        guard let number else { return nil }
        if let caption, !caption.isEmpty {
            label = "Figure \(number)."
            text = " " + caption
        } else {
            label = "Figure \(number)"
            text = ""
        }
    }
}
