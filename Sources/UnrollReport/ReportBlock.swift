/// One piece of a report, in notebook order.
public enum ReportBlock: Equatable, Sendable {
    /// Prose: the safe HTML cmark rendered for it, and its original Markdown source.
    case prose(html: String, markdown: String)
    /// A fenced block that is not an rnn cell, copied as is (`language` may be empty).
    case code(language: String, text: String)
    /// An rnn cell with its source and results.
    case cell(ReportCell)
}
