import UnrollSettings

/// The YAML block at the top of a notebook: title, seed, parameters and check tolerances.
public struct FrontMatter: Equatable, Sendable, Codable {
    /// The notebook's title, if given.
    public var title: String?
    /// The random seed, if given.
    public var seed: Int?
    /// The parameters in the order the file declares them.
    public var params: [Param]
    /// Notebook-wide tolerances for `unroll check`.
    public var check: CheckTolerances
    /// The 1-based file lines the block spans, delimiters included; nil when the notebook has none.
    public var lines: ClosedRange<Int>?

    /// Front matter from its parts; the defaults describe a notebook without any.
    public init(
        title: String? = nil, seed: Int? = nil, params: [Param] = [],
        check: CheckTolerances = CheckTolerances(), lines: ClosedRange<Int>? = nil
    ) {
        self.title = title
        self.seed = seed
        self.params = params
        self.check = check
        self.lines = lines
    }

    /// The value of the parameter called `name`, if declared.
    public func param(_ name: String) -> ParamValue? {
        params.first { $0.name == name }?.value
    }
}
