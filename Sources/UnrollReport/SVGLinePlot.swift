import UnrollRecord

/// Draws a series output as an SVG plot: nice-tick axes (linear, or decades on a logarithmic axis) with labels,
/// a title, one styled path and/or markers per line (non-finite values, and non-positive ones on a logarithmic
/// axis, leave gaps), and a legend. The same input always gives the same bytes.
public struct SVGLinePlot: Sendable {
    /// The figure to draw.
    public let series: SeriesOutput
    /// The total width in pixels.
    public let width: Double
    /// The height of the plotting area in pixels (the figure is taller by its title, axes and legend).
    public let plotHeight: Double
    /// One style per line, or nil for `LineStyle.grouped` of the lines' groups.
    public let styles: [LineStyle]?
    /// The style each line is drawn in: `styles`, or the default.
    private let drawnStyles: [LineStyle]

    /// Font stack used for every label: Latin system fonts, then fonts with Chinese, Japanese and Korean glyphs,
    /// then a generic fallback.
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, 'Noto Sans CJK SC', "
        + "'PingFang SC', 'Microsoft YaHei', 'Hiragino Sans', sans-serif"
    /// The radius of a point marker.
    private static let markerRadius = "3"
    /// Approximate width of one character of 12-pixel text, for laying out labels without measuring.
    private static let characterWidth = 6.8
    /// Colours of the frame, grid and text.
    private static let axisColor = "#57606a", gridColor = "#e6e8eb", textColor = "#24292f"

    /// A plot of `series`, its lines drawn in `styles` (one per line) or, by default, `LineStyle.grouped`.
    public init(_ series: SeriesOutput, width: Double = 720, plotHeight: Double = 300, styles: [LineStyle]? = nil) {
        precondition(width >= 200 && plotHeight >= 80, "plot too small: \(width)×\(plotHeight); need at least 200×80")
        precondition(styles == nil || styles?.count == series.lines.count,
                     "\(styles?.count ?? 0) line styles for \(series.lines.count) lines")
        self.series = series
        self.width = width
        self.plotHeight = plotHeight
        self.styles = styles
        drawnStyles = styles ?? LineStyle.grouped(series.lines.map(\.group))
    }

    /// The style of the line at `index`.
    private func style(_ index: Int) -> LineStyle {
        drawnStyles[index]
    }

    /// The `<svg>` element, for inlining into HTML.
    public func node() -> HTMLNode {
        let layout = Layout(series: series, width: width, plotHeight: plotHeight)
        var children: [HTMLNode] = [.el("title", text: series.title.isEmpty ? "line plot" : series.title)]
        children.append(.el("rect", ["width": c(width), "height": c(layout.height), "fill": "#ffffff"]))
        if !series.title.isEmpty {
            children.append(
                .el(
                    "text",
                    ["x": c(layout.left + layout.plotWidth / 2), "y": "24", "text-anchor": "middle", "font-size": "15",
                     "font-weight": "600", "fill": SVGLinePlot.textColor], text: series.title))
        }
        children.append(grid(layout))
        children.append(axes(layout))
        children.append(contentsOf: axisLabels(layout))
        children.append(lines(layout))
        children.append(legend(layout))
        return .el(
            "svg",
            ["xmlns": "http://www.w3.org/2000/svg", "width": c(width), "height": c(layout.height),
             "viewBox": "0 0 \(c(width)) \(c(layout.height))", "role": "img",
             "aria-label": series.title.isEmpty ? "line plot" : series.title,
             "font-family": SVGLinePlot.fontFamily, "class": "plot"],
            children.flatMap { [$0, .newline] })
    }

    /// A standalone SVG file (XML declaration, the `<svg>` element, a trailing newline).
    public func document() -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + node().render() + "\n"
    }

    /// Light grid lines at every tick.
    private func grid(_ layout: Layout) -> HTMLNode {
        var lines: [HTMLNode] = []
        for tick in layout.yScale.ticks {
            let y = c(layout.yPixel(tick))
            lines.append(.el("line", ["x1": c(layout.left), "y1": y, "x2": c(layout.right), "y2": y]))
        }
        for tick in layout.xScale.ticks {
            let x = c(layout.xPixel(tick))
            lines.append(.el("line", ["x1": x, "y1": c(layout.top), "x2": x, "y2": c(layout.bottom)]))
        }
        return .el("g", ["stroke": SVGLinePlot.gridColor, "stroke-width": "1"], lines)
    }

    /// The left and bottom axis lines, tick marks and tick labels.
    private func axes(_ layout: Layout) -> HTMLNode {
        var marks: [HTMLNode] = [
            .el("line", ["x1": c(layout.left), "y1": c(layout.top), "x2": c(layout.left), "y2": c(layout.bottom)]),
            .el("line", ["x1": c(layout.left), "y1": c(layout.bottom), "x2": c(layout.right), "y2": c(layout.bottom)]),
        ]
        var labels: [HTMLNode] = []
        for (tick, label) in zip(layout.yScale.ticks, layout.yScale.labels) {
            let y = layout.yPixel(tick)
            marks.append(.el("line", ["x1": c(layout.left - 5), "y1": c(y), "x2": c(layout.left), "y2": c(y)]))
            labels.append(.el("text", ["x": c(layout.left - 8), "y": c(y + 4), "text-anchor": "end"], text: label))
        }
        for (tick, label) in zip(layout.xScale.ticks, layout.xScale.labels) {
            let x = layout.xPixel(tick)
            marks.append(.el("line", ["x1": c(x), "y1": c(layout.bottom), "x2": c(x), "y2": c(layout.bottom + 5)]))
            labels.append(.el("text", ["x": c(x), "y": c(layout.bottom + 19), "text-anchor": "middle"], text: label))
        }
        return .fragment([
            .el("g", ["stroke": SVGLinePlot.axisColor, "stroke-width": "1"], marks), .newline,
            .el("g", ["font-size": "12", "fill": SVGLinePlot.axisColor], labels),
        ])
    }

    /// The axis titles; the y title is rotated to read bottom to top.
    private func axisLabels(_ layout: Layout) -> [HTMLNode] {
        var nodes: [HTMLNode] = []
        if !series.xLabel.isEmpty {
            nodes.append(
                .el(
                    "text",
                    ["x": c(layout.left + layout.plotWidth / 2), "y": c(layout.bottom + 40), "text-anchor": "middle",
                     "font-size": "13", "fill": SVGLinePlot.textColor], text: series.xLabel))
        }
        if !series.yLabel.isEmpty {
            nodes.append(
                .el(
                    "text",
                    ["transform": "rotate(-90)", "x": c(-(layout.top + plotHeight / 2)), "y": "18",
                     "text-anchor": "middle", "font-size": "13", "fill": SVGLinePlot.textColor], text: series.yLabel))
        }
        if layout.isEmpty {
            nodes.append(
                .el(
                    "text",
                    ["x": c(layout.left + layout.plotWidth / 2), "y": c(layout.top + plotHeight / 2),
                     "text-anchor": "middle", "font-size": "13", "fill": SVGLinePlot.axisColor], text: "no data"))
        }
        return nodes
    }

    /// Per line in its style: one path split at points the axes cannot show, plus a dot for each point with no
    /// such neighbour; or a marker at every point; or both.
    private func lines(_ layout: Layout) -> HTMLNode {
        var nodes: [HTMLNode] = []
        for (index, line) in series.lines.enumerated() {
            let style = self.style(index)
            var runs: [[(Double, Double)]] = [[]]
            for (x, y) in zip(line.x, line.y) {
                if layout.xScale.canShow(x) && layout.yScale.canShow(y) {
                    runs[runs.count - 1].append((layout.xPixel(x), layout.yPixel(y)))
                } else if !runs[runs.count - 1].isEmpty {
                    runs.append([])
                }
            }
            guard line.style.drawsLine else {
                nodes.append(markers(runs.flatMap { $0 }, color: style.color))
                continue
            }
            let paths = runs.filter { $0.count > 1 }
            if !paths.isEmpty {
                let d = paths.map { run in
                    run.enumerated().map { ($0 == 0 ? "M" : "L") + c($1.0) + " " + c($1.1) }.joined(separator: " ")
                }.joined(separator: " ")
                var attributes = [HTMLAttribute(name: "d", value: d), HTMLAttribute(name: "stroke", value: style.color)]
                if let dash = style.dashArray { attributes.append(HTMLAttribute(name: "stroke-dasharray", value: dash)) }
                nodes.append(.element("path", attributes: attributes, children: []))
            }
            if line.style.drawsMarkers {
                nodes.append(markers(runs.flatMap { $0 }, color: style.color))
            } else {
                for run in runs where run.count == 1 {
                    nodes.append(.el("circle", ["cx": c(run[0].0), "cy": c(run[0].1), "r": "3.5", "fill": style.color,
                                                "stroke": "none"]))
                }
            }
        }
        return .el(
            "g", ["fill": "none", "stroke-width": "2", "stroke-linejoin": "round", "stroke-linecap": "butt"],
            nodes)
    }

    /// A group of round markers, one per pixel point, filled with `color` and ringed in white so that
    /// overlapping points stay visible.
    private func markers(_ points: [(Double, Double)], color: String) -> HTMLNode {
        .el("g", ["class": "markers", "fill": color, "stroke": "#ffffff", "stroke-width": "1"],
            points.map { .el("circle", ["cx": c($0.0), "cy": c($0.1), "r": SVGLinePlot.markerRadius]) })
    }

    /// A sample of each line's style next to its name, wrapped into rows under the axes.
    private func legend(_ layout: Layout) -> HTMLNode {
        var nodes: [HTMLNode] = []
        for (index, entry) in layout.legendEntries.enumerated() {
            let style = self.style(index)
            let y = entry.y
            var sample = [
                HTMLAttribute(name: "x1", value: c(entry.x)), HTMLAttribute(name: "y1", value: c(y)),
                HTMLAttribute(name: "x2", value: c(entry.x + 28)), HTMLAttribute(name: "y2", value: c(y)),
                HTMLAttribute(name: "stroke", value: style.color), HTMLAttribute(name: "stroke-width", value: "2"),
            ]
            if let dash = style.dashArray { sample.append(HTMLAttribute(name: "stroke-dasharray", value: dash)) }
            let marks = series.lines[index].style
            if marks.drawsLine { nodes.append(.element("line", attributes: sample, children: [])) }
            if marks.drawsMarkers { nodes.append(markers([(entry.x + 14, y)], color: style.color)) }
            nodes.append(.el("text", ["x": c(entry.x + 34), "y": c(y + 4)], text: series.lines[index].name))
        }
        return .el("g", ["font-size": "12", "fill": SVGLinePlot.textColor], nodes)
    }

    /// A coordinate with at most two decimals.
    private func c(_ value: Double) -> String {
        NumberFormat.compact(value, decimals: 2)
    }

    /// Where everything goes: margins from the longest tick label, scales from the finite data, legend rows.
    private struct Layout {
        let xScale: AxisScale
        let yScale: AxisScale
        let left: Double
        let right: Double
        let top: Double
        let plotWidth: Double
        let plotHeight: Double
        let height: Double
        let isEmpty: Bool
        let legendEntries: [(x: Double, y: Double)]

        var bottom: Double { top + plotHeight }

        init(series: SeriesOutput, width: Double, plotHeight: Double) {
            var xs: [Double] = [], ys: [Double] = []
            for line in series.lines {
                for (x, y) in zip(line.x, line.y)
                where x.isFinite && y.isFinite && (!series.logX || x > 0) && (!series.logY || y > 0) {
                    xs.append(x)
                    ys.append(y)
                }
            }
            isEmpty = xs.isEmpty
            let xScale = series.logX
                ? AxisScale.logarithmic(minimum: xs.min() ?? 1, maximum: xs.max() ?? 10)
                : AxisScale.tight(minimum: xs.min() ?? 0, maximum: xs.max() ?? 1, targetTickCount: 6,
                                  wholeNumbers: xs.allSatisfy { $0 == $0.rounded() })
            let yScale = series.logY
                ? AxisScale.logarithmic(minimum: ys.min() ?? 1, maximum: ys.max() ?? 10)
                : AxisScale.rounded(minimum: ys.min() ?? 0, maximum: ys.max() ?? 1, targetTickCount: 5)
            self.xScale = xScale
            self.yScale = yScale
            let longestLabel = yScale.labels.map(\.count).max() ?? 1
            let left = (series.yLabel.isEmpty ? 12 : 32) + Double(longestLabel) * SVGLinePlot.characterWidth + 10
            self.left = left
            // Room on the right for half of the last x tick label.
            let lastLabel = Double(xScale.labels.last?.count ?? 1) * SVGLinePlot.characterWidth
            let right = width - max(20, lastLabel / 2 + 6)
            let top = series.title.isEmpty ? 14.0 : 42.0
            self.right = right
            self.top = top
            plotWidth = right - left
            self.plotHeight = plotHeight

            var entries: [(x: Double, y: Double)] = []
            var x = left
            var y = top + plotHeight + (series.xLabel.isEmpty ? 44 : 66)
            for line in series.lines {
                let entryWidth = 34 + Double(line.name.count) * SVGLinePlot.characterWidth + 20
                if x > left && x + entryWidth > right {
                    x = left
                    y += 20
                }
                entries.append((x, y))
                x += entryWidth
            }
            legendEntries = entries
            height = (entries.last?.y ?? (top + plotHeight + (series.xLabel.isEmpty ? 28 : 50))) + 14
        }

        /// The pixel column of data value `x`.
        func xPixel(_ x: Double) -> Double { left + xScale.fraction(of: x) * plotWidth }
        /// The pixel row of data value `y` (up is larger).
        func yPixel(_ y: Double) -> Double { top + (1 - yScale.fraction(of: y)) * plotHeight }
    }
}
