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

    /// A diagnostic pointing at `location`, underlining `length` columns.
    public init(_ severity: Severity = .error, _ message: String, at location: SourceLocation, length: Int = 1) {
        self.severity = severity
        self.message = message
        self.range = SourceRange(start: location, length: length)
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
