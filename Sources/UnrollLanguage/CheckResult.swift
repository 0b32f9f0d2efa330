import UnrollDiagnostics

/// What the checker found in a notebook's cells.
public struct CheckResult: Sendable {
    /// Errors and warnings, sorted by place.
    public var diagnostics: [Diagnostic]
    /// The static type of every top-level name after the last cell.
    public var globals: [String: ValueType]

    /// A result from its parts.
    public init(diagnostics: [Diagnostic], globals: [String: ValueType]) {
        self.diagnostics = diagnostics
        self.globals = globals
    }

    /// Whether any diagnostic is an error (warnings do not stop a notebook).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
