/// How serious a diagnostic is.
public enum Severity: String, Codable, Sendable {
    /// Stops the notebook from running.
    case error
    /// Worth reading, but the notebook runs.
    case warning
    /// Extra context attached to another diagnostic.
    case note
}

/// One message about a place in a notebook: `path:line:col: error: message`.
///
/// Messages are lower-case, quote the offending token, and suggest a fix where one is known.
public struct Diagnostic: Error, Hashable, Codable, Sendable, CustomStringConvertible {
    /// How serious it is.
    public var severity: Severity
    /// The message, lower-case, without the location prefix.
    public var message: String
    /// Where it points.
    public var range: SourceRange
    /// Which message it is, when it was raised from a `DiagnosticMessage`.
    public var id: MessageID?
    /// The message's arguments, in order, as text.
    public var arguments: [String]
    /// Other places that explain it (where a name is defined).
    public var notes: [DiagnosticNote]
    /// Changes that would fix it (the did-you-mean's replacement).
    public var fixIts: [FixIt]

    /// A diagnostic pointing at `location`, underlining `length` columns.
    public init(_ severity: Severity = .error, _ message: String, at location: SourceLocation, length: Int = 1) {
        self.severity = severity
        self.message = message
        self.range = SourceRange(start: location, length: length)
        self.id = nil
        self.arguments = []
        self.notes = []
        self.fixIts = []
    }

    /// The diagnostic of `message` pointing at `range`, with its identifier and arguments, and a fix-it
    /// replacing `range` when the message suggests a replacement.
    public init(_ message: some DiagnosticMessage, at range: SourceRange, notes: [DiagnosticNote] = []) {
        self.severity = message.severity
        self.message = message.text
        self.range = range
        self.id = message.id
        self.arguments = message.arguments
        self.notes = notes
        self.fixIts = message.suggestion.map { [FixIt(replacing: range, with: $0)] } ?? []
    }

    /// The location of the first character.
    public var location: SourceLocation { range.start }

    /// The one-line form `path:line:col: error: message`.
    public var description: String { "\(range.start): \(severity.rawValue): \(message)" }
}

/// A batch of diagnostics thrown together (a parser reports every error it found in one run).
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    /// The diagnostics in source order.
    public var diagnostics: [Diagnostic]

    /// A list of diagnostics, sorted by line and column.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted {
            ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
        }
    }

    /// Each diagnostic's one-line form, one per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
