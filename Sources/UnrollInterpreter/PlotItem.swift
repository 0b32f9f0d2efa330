import UnrollDiagnostics
import UnrollLanguage

/// One value `plot` (or `show`) draws lines for, with the name its lines get when no label is given and the
/// place it was written, for messages.
struct PlotItem {
    /// A History, a Series or a list of numbers (anything else is refused when the figure is made).
    var value: Value
    /// The expression as written (`lm.history`, `preds[1]`, an item of a list literal).
    var name: String
    /// Where it was written.
    var place: SourceRange
    /// Whether it is the whole plotted value rather than one of several; a lone History's lines are named
    /// `train loss` rather than `lm.history train loss`.
    var isAlone: Bool

    /// The item for `value`, the result of `expression`, plotted alone.
    init(_ value: Value, of expression: Expr) {
        self.init(value: value, name: expression.description, place: expression.range, isAlone: true)
    }

    /// An item from its parts.
    init(value: Value, name: String, place: SourceRange, isAlone: Bool) {
        self.value = value
        self.name = name
        self.place = place
        self.isAlone = isAlone
    }

    /// The items of `value`, the result of `expression`: one per element of a non-empty list of things other
    /// than numbers (named by the items of a list literal as written, else `expression[i]`), otherwise the
    /// value itself, alone when `alone`.
    static func items(of value: Value, _ expression: Expr, alone: Bool) throws -> [PlotItem] {
        guard case .list(let elements) = value, elements.allSatisfy({ $0.number == nil }) else {
            return [PlotItem(value: value, name: expression.description, place: expression.range, isAlone: alone)]
        }
        guard !elements.isEmpty else { throw RuntimeError("there is nothing to plot in an empty list", at: expression.range) }
        var written: [Expr]?
        if case .list(let literal) = expression.kind, literal.count == elements.count { written = literal }
        return elements.enumerated().map { i, element in
            PlotItem(value: element, name: written?[i].description ?? "\(expression.description)[\(i)]",
                     place: written?[i].range ?? expression.range, isAlone: false)
        }
    }
}
