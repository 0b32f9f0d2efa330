import UnrollSettings

/// The options written after `rnn` in a cell's info string, e.g. ```` ```rnn id=train timeout=120 ````.
public struct CellOptions: Equatable, Hashable, Sendable, Codable {
    /// The option names a cell accepts, in the order the documentation lists them.
    public static let names = ["id", "eval", "echo", "timeout", "check", "rtol", "atol"]

    /// The explicit `id=` if given (the cell's effective id is `Cell.id`).
    public var id: String?
    /// Whether the cell runs (`eval=false` shows it without running it).
    public var eval: Bool
    /// Whether reports show the cell's source (`echo=false` hides it, outputs still show).
    public var echo: Bool
    /// The per-cell time limit in seconds, if given.
    public var timeout: Double?
    /// How `check` compares this cell's values; nil means the run's default.
    public var check: CheckMode?
    /// This cell's relative tolerance, overriding the front matter's.
    public var rtol: Double?
    /// This cell's absolute tolerance, overriding the front matter's.
    public var atol: Double?

    /// Options from their parts; the defaults are those of a bare ```` ```rnn ```` fence.
    public init(
        id: String? = nil, eval: Bool = true, echo: Bool = true, timeout: Double? = nil,
        check: CheckMode? = nil, rtol: Double? = nil, atol: Double? = nil
    ) {
        self.id = id
        self.eval = eval
        self.echo = echo
        self.timeout = timeout
        self.check = check
        self.rtol = rtol
        self.atol = atol
    }
}
