import UnrollRecord

/// Draws an unrolled graph as SVG in the manner of Goodfellow et al., Figs 10.3–10.4: the inputs `x(t)` along
/// the bottom, one row of state boxes per (layer, direction), the outputs on top, every arrow labelled with its
/// weight's symbol (`U1`, `W1`, `V`; an `r` marks a reverse direction) and a legend giving each symbol's
/// state-dict name. The same graph always gives the same bytes.
public struct SVGUnrolledGraph: Sendable {
    /// The graph to draw.
    public let graph: UnrolledGraphOutput

    /// The width of one step's column, the height of one row, the left margin for row labels.
    private static let columnWidth = 130.0, rowHeight = 86.0, left = 120.0, top = 44.0
    /// Half the size of a state box, and the radius of an input or output circle.
    private static let boxHalfWidth = 34.0, boxHalfHeight = 17.0, radius = 17.0
    /// How far an arrow that passes another row bows sideways.
    private static let bow = 46.0
    /// Colours of boxes, arrows and text.
    private static let stateFill = "#dbe9f6", reverseFill = "#fbe3d2", ink = "#24292f", muted = "#57606a"

    /// A drawing of `graph`.
    public init(_ graph: UnrolledGraphOutput) {
        self.graph = graph
    }

    /// One node's centre and shape.
    private struct Place {
        var x: Double, y: Double
        var isBox: Bool
    }

    /// The `<svg>` element, for inlining into HTML.
    public func node() -> HTMLNode {
        let steps = graph.steps, rows = graph.recurrences.count
        let width = Self.left + Double(steps) * Self.columnWidth + 20
        let legend = legendLines()
        let diagramBottom = Self.top + Double(rows + 2) * Self.rowHeight
        let height = diagramBottom + Double(legend.count) * 18 + 12
        func x(_ t: Int) -> Double { Self.left + (Double(t) + 0.5) * Self.columnWidth }
        // Rows from the bottom: the inputs, then each recurrence, then the outputs.
        func y(_ row: Int) -> Double { diagramBottom - (Double(row) + 0.5) * Self.rowHeight }

        var shapes: [HTMLNode] = [], arrows: [HTMLNode] = [], labels: [HTMLNode] = []
        let inputs = (0..<steps).map { Place(x: x($0), y: y(0), isBox: false) }
        var states: [[Place]] = []
        for (r, recurrence) in graph.recurrences.enumerated() {
            let row = (0..<steps).map { Place(x: x($0), y: y(r + 1), isBox: true) }
            states.append(row)
            labels.append(text(10, y(r + 1) + 4, "\(graph.cell) \(recurrence.layer) \(recurrence.reverse ? "←" : "→")",
                               anchor: "start", size: 13, color: Self.muted))
        }
        labels.append(text(10, y(0) + 4, "inputs", anchor: "start", size: 13, color: Self.muted))
        labels.append(text(10, y(rows + 1) + 4, "outputs", anchor: "start", size: 13, color: Self.muted))
        let outputSteps = graph.outputs == .everyStep ? Array(0..<steps) : [steps - 1]
        let outputs = outputSteps.map { Place(x: x($0), y: y(rows + 1), isBox: false) }

        for (t, place) in inputs.enumerated() { shapes.append(circle(place, "input", "x(\(t + 1))")) }
        for (r, row) in states.enumerated() {
            for (t, place) in row.enumerated() {
                shapes.append(box(place, reverse: graph.recurrences[r].reverse, "\(graph.state) (\(t + 1))"))
            }
        }
        for (t, place) in zip(outputSteps, outputs) { shapes.append(circle(place, "output", "o(\(t + 1))")) }

        // Into each recurrence: the inputs (layer 1) or every direction of the layer below, at the same step.
        for (r, recurrence) in graph.recurrences.enumerated() {
            let symbol = Self.symbol("U", recurrence)
            let sources = recurrence.layer == 1 ? [0] : graph.recurrences.indices.filter { graph.recurrences[$0].layer == recurrence.layer - 1 }
            for source in sources {
                for t in 0..<steps {
                    let from = recurrence.layer == 1 ? inputs[t] : states[source][t]
                    let fromRow = recurrence.layer == 1 ? 0 : source + 1
                    arrows.append(arrow(from, states[r][t], bowing: r + 1 - fromRow > 1, symbol: symbol, into: &labels))
                }
            }
            // Along time: the state of the previous step (forward) or the next step (reverse).
            for t in 0..<(steps - 1) {
                let (from, to) = recurrence.reverse ? (t + 1, t) : (t, t + 1)
                arrows.append(arrow(states[r][from], states[r][to], bowing: false, symbol: Self.symbol("W", recurrence), into: &labels))
            }
        }
        // Out of the last layer: every direction at each output's step, or the final states for one output.
        let top = graph.recurrences.indices.filter { graph.recurrences[$0].layer == graph.layerCount }
        for r in top {
            for (t, output) in zip(outputSteps, outputs) {
                let from = graph.outputs == .everyStep || !graph.recurrences[r].reverse ? t : 0
                arrows.append(arrow(states[r][from], output, bowing: rows - r > 1 && from == t, symbol: "V", into: &labels))
            }
        }
        for (i, line) in legend.enumerated() {
            labels.append(text(10, diagramBottom + 14 + Double(i) * 18, line, anchor: "start", size: 12, color: Self.muted))
        }

        let title = graph.title.isEmpty ? "unrolled graph" : graph.title
        var children: [HTMLNode] = [
            .el("title", text: title),
            .el("defs", [:], [.el("marker", ["id": "unrolled-arrowhead", "viewBox": "0 0 10 10", "refX": "9", "refY": "5",
                                         "markerWidth": "7", "markerHeight": "7", "orient": "auto"],
                             [.el("path", ["d": "M 0 0 L 10 5 L 0 10 z", "fill": Self.muted])])]),
            .el("rect", ["width": c(width), "height": c(height), "fill": "#ffffff"]),
            text(width / 2, 24, title, anchor: "middle", size: 15, color: Self.ink, bold: true),
        ]
        children.append(.el("g", ["fill": "none", "stroke": Self.muted, "stroke-width": "1.4"], arrows))
        children.append(.el("g", [:], shapes))
        children.append(.el("g", [:], labels))
        return .element(
            "svg",
            attributes: [("xmlns", "http://www.w3.org/2000/svg"), ("width", c(width)), ("height", c(height)),
                         ("viewBox", "0 0 \(c(width)) \(c(height))"), ("role", "img"), ("aria-label", title),
                         ("font-family", SVGLinePlot.fontFamily), ("class", "unrolled")]
                .map { HTMLAttribute(name: $0.0, value: $0.1) },
            children: children.flatMap { [$0, .newline] })
    }

    /// A standalone SVG file (XML declaration, the `<svg>` element, a trailing newline).
    public func document() -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + node().render() + "\n"
    }

    /// What each symbol stands for, one line each.
    private func legendLines() -> [String] {
        var lines: [String] = []
        if !graph.inputWeight.isEmpty { lines.append("x(t): the row of \(graph.inputWeight) for token t") }
        for recurrence in graph.recurrences {
            lines.append("\(Self.symbol("U", recurrence)) = \(recurrence.inputWeight), \(Self.symbol("W", recurrence)) = "
                + "\(recurrence.recurrentWeight) (layer \(recurrence.layer), \(recurrence.reverse ? "reverse" : "forward"))")
        }
        lines.append("V = \(graph.outputWeight); each weight is shared by every step")
        return lines
    }

    /// `U1`, `W2r`: a weight's letter, its layer, and `r` for a reverse direction.
    private static func symbol(_ letter: String, _ recurrence: UnrolledGraphOutput.Recurrence) -> String {
        "\(letter)\(recurrence.layer)\(recurrence.reverse ? "r" : "")"
    }

    /// An arrow from one node's edge to another's, straight or bowing left past a row between them, with its
    /// weight's symbol beside its middle (added to `labels`).
    private func arrow(_ from: Place, _ to: Place, bowing: Bool, symbol: String, into labels: inout [HTMLNode]) -> HTMLNode {
        let control = (x: (from.x + to.x) / 2 - (bowing ? Self.bow : 0), y: (from.y + to.y) / 2)
        let start = edge(of: from, toward: control)
        let end = edge(of: to, toward: control)
        let middle = (x: (start.x + 2 * control.x + end.x) / 4, y: (start.y + 2 * control.y + end.y) / 4)
        let horizontal = abs(to.y - from.y) < 1
        labels.append(text(middle.x + (horizontal ? 0 : 5), middle.y + (horizontal ? -6 : 4), symbol,
                           anchor: horizontal ? "middle" : "start", size: 11, color: Self.ink))
        let d = "M \(c(start.x)) \(c(start.y)) Q \(c(control.x)) \(c(control.y)) \(c(end.x)) \(c(end.y))"
        return .el("path", ["class": "arrow", "d": d, "marker-end": "url(#unrolled-arrowhead)"])
    }

    /// Where the line from `place`'s centre toward `point` leaves its box or circle.
    private func edge(of place: Place, toward point: (x: Double, y: Double)) -> (x: Double, y: Double) {
        let dx = point.x - place.x, dy = point.y - place.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return (place.x, place.y) }
        let ux = dx / length, uy = dy / length
        let reach: Double
        if place.isBox {
            reach = min(ux == 0 ? .infinity : Self.boxHalfWidth / abs(ux), uy == 0 ? .infinity : Self.boxHalfHeight / abs(uy))
        } else {
            reach = Self.radius
        }
        return (place.x + ux * (reach + 2), place.y + uy * (reach + 2))
    }

    /// A state box with its label.
    private func box(_ place: Place, reverse: Bool, _ label: String) -> HTMLNode {
        .fragment([
            .el("rect", ["class": "state", "x": c(place.x - Self.boxHalfWidth), "y": c(place.y - Self.boxHalfHeight),
                         "width": c(2 * Self.boxHalfWidth), "height": c(2 * Self.boxHalfHeight), "rx": "5",
                         "fill": reverse ? Self.reverseFill : Self.stateFill, "stroke": Self.ink]),
            text(place.x, place.y + 4, label, anchor: "middle", size: 12, color: Self.ink),
        ])
    }

    /// An input or output circle with its label.
    private func circle(_ place: Place, _ kind: String, _ label: String) -> HTMLNode {
        .fragment([
            .el("circle", ["class": kind, "cx": c(place.x), "cy": c(place.y), "r": c(Self.radius), "fill": "#ffffff",
                           "stroke": Self.ink]),
            text(place.x, place.y + 4, label, anchor: "middle", size: 11, color: Self.ink),
        ])
    }

    /// A label (escaped like all text).
    private func text(_ x: Double, _ y: Double, _ content: String, anchor: String, size: Int, color: String,
                      bold: Bool = false) -> HTMLNode {
        .el("text", ["x": c(x), "y": c(y), "text-anchor": anchor, "font-size": String(size), "fill": color,
                     "font-weight": bold ? "600" : "400"], text: content)
    }

    /// A coordinate with at most two decimals.
    private func c(_ value: Double) -> String {
        NumberFormat.compact(value, decimals: 2)
    }
}
