import UnrollRecord
import UnrollReport

/// One plot of a series from both runs: each line twice, `name (old)` dashed and `name (new)` solid in the same
/// colour, lines matched by name (a line only one side has is drawn once), each in its own style (lines or
/// points) on the new side's axes (linear or logarithmic).
public enum OverlaidSeries {
    /// The plot of `old` and `new` drawn together, titled after the new side.
    public static func plot(old: SeriesOutput, new: SeriesOutput) -> SVGLinePlot {
        var names: [String] = []
        var seen = Set<String>()
        for line in new.lines + old.lines where seen.insert(line.name).inserted { names.append(line.name) }
        var lines: [SeriesLine] = [], styles: [LineStyle] = []
        for (index, name) in names.enumerated() {
            let style = LineStyle.comparison(index)
            if let line = old.lines.first(where: { $0.name == name }) {
                lines.append(SeriesLine(name: name + " (old)", x: line.x, y: line.y, style: line.style))
                styles.append(style.old)
            }
            if let line = new.lines.first(where: { $0.name == name }) {
                lines.append(SeriesLine(name: name + " (new)", x: line.x, y: line.y, style: line.style))
                styles.append(style.new)
            }
        }
        let title = new.title.isEmpty ? old.title : new.title
        let series = SeriesOutput(title: title, xLabel: new.xLabel.isEmpty ? old.xLabel : new.xLabel,
                                  yLabel: new.yLabel.isEmpty ? old.yLabel : new.yLabel, lines: lines,
                                  logX: new.logX, logY: new.logY)
        return SVGLinePlot(series, styles: styles)
    }
}
