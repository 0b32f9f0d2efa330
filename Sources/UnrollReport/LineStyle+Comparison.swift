extension LineStyle {
    /// The styles of line `index` of an old and a new run drawn in one plot: the colour of `at(index)`, the old
    /// line dashed and the new one solid, so that each pair reads as one quantity and the old side as the past.
    public static func comparison(_ index: Int) -> (old: LineStyle, new: LineStyle) {
        let color = at(index).color
        return (LineStyle(color: color, dashArray: "6 4"), LineStyle(color: color, dashArray: nil))
    }
}
