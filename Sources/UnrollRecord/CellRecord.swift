/// What one ```` ```rnn ```` cell did in a run: its identity, status, error and typed outputs.
public struct CellRecord: Equatable, Sendable {
    /// The stable name (`id=` in the info string, default `cell-N`).
    public var id: String
    /// The 0-based position among the notebook's rnn cells.
    public var index: Int
    /// The 1-based line of the cell's opening fence in the `.md` file.
    public var sourceLine: Int
    /// What happened.
    public var status: CellStatus
    /// Why the cell failed; nil unless `status` is `failed`.
    public var error: CellError?
    /// The comparison settings from the info string; nil when none was set.
    public var check: CheckSettings?
    /// What the cell showed, in order.
    public var outputs: [CellOutput]
    /// Wall-clock seconds the cell took; recorded only when timings are asked for.
    public var seconds: Double?
    /// The SHA-256 of the cell's source text (between the fences), so that `check` can name edited cells;
    /// nil in records written before it existed.
    public var sourceHash: String?

    /// A cell record from its parts; empty check settings are stored as nil.
    public init(
        id: String, index: Int, sourceLine: Int, status: CellStatus, error: CellError? = nil,
        check: CheckSettings? = nil, outputs: [CellOutput] = [], seconds: Double? = nil, sourceHash: String? = nil
    ) {
        self.id = id
        self.index = index
        self.sourceLine = sourceLine
        self.status = status
        self.error = error
        self.check = check?.isEmpty == true ? nil : check
        self.outputs = outputs
        self.seconds = seconds
        self.sourceHash = sourceHash
    }

    /// The output named `name`, if the cell has one.
    public func output(named name: String) -> CellOutput? {
        outputs.first { $0.name == name }
    }

    /// The JSON form; `error`, `check`, `seconds` and `source_sha256` are left out when absent.
    var json: JSONValue {
        var fields: [String: JSONValue] = [
            "id": .string(id),
            "index": .integer(index),
            "source_line": .integer(sourceLine),
            "status": .string(status.rawValue),
            "outputs": .array(outputs.map(\.json)),
        ]
        if let error { fields["error"] = error.json }
        if let check { fields["check"] = check.json }
        if let seconds { fields["seconds"] = .double(seconds) }
        if let sourceHash { fields["source_sha256"] = .string(sourceHash) }
        return .object(fields)
    }

    /// Reads the JSON form.
    init(json: JSONValue, path: String) throws {
        var reader = try JSONObjectReader(json, path: path)
        id = try reader.string("id")
        index = try reader.integer("index")
        sourceLine = try reader.integer("source_line")
        status = try reader.choice("status", as: CellStatus.self)
        error = try reader.optional("error").map { try CellError(json: $0, path: reader.path(of: "error")) }
        check = try reader.optional("check").map { try CheckSettings(json: $0, path: reader.path(of: "check")) }
        let outputsPath = reader.path(of: "outputs")
        outputs = try reader.array("outputs").enumerated().map {
            try CellOutput(json: $1, path: "\(outputsPath)[\($0)]")
        }
        var firstOutput: [String: Int] = [:]
        for (i, output) in outputs.enumerated() {
            if let j = firstOutput[output.name] {
                throw RecordDecodingError(path: "\(outputsPath)[\(i)].name",
                                          message: "output name '\(output.name)' appears twice (also \(outputsPath)[\(j)]); the record is malformed")
            }
            firstOutput[output.name] = i
        }
        seconds = try reader.optionalDouble("seconds")
        sourceHash = try reader.optionalString("source_sha256")
        try reader.finish()
        if check?.isEmpty == true { check = nil }
    }
}
