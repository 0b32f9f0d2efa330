import UnrollSettings

/// A cell's comparison settings as written in its info string (`check=`, `rtol=`, `atol=`); nil parts were
/// not set and fall back to the notebook's or the tool's defaults.
public struct CheckSettings: Equatable, Sendable {
    /// The comparison mode, if set.
    public var mode: CheckMode?
    /// The relative tolerance, if set.
    public var relativeTolerance: Double?
    /// The absolute tolerance, if set.
    public var absoluteTolerance: Double?

    /// Settings from their parts.
    public init(mode: CheckMode? = nil, relativeTolerance: Double? = nil, absoluteTolerance: Double? = nil) {
        self.mode = mode
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
    }

    /// Whether nothing is set (such settings are left out of the record).
    public var isEmpty: Bool { mode == nil && relativeTolerance == nil && absoluteTolerance == nil }

    /// The JSON form: `{"atol": …, "mode": …, "rtol": …}` with unset keys left out.
    var json: JSONValue {
        var fields: [String: JSONValue] = [:]
        if let mode { fields["mode"] = .string(mode.rawValue) }
        if let relativeTolerance { fields["rtol"] = .double(relativeTolerance) }
        if let absoluteTolerance { fields["atol"] = .double(absoluteTolerance) }
        return .object(fields)
    }

    /// Reads the JSON form.
    init(json: JSONValue, path: String) throws {
        var reader = try JSONObjectReader(json, path: path)
        mode = reader.optional("mode") == nil ? nil : try reader.choice("mode", as: CheckMode.self)
        relativeTolerance = try reader.optionalDouble("rtol")
        absoluteTolerance = try reader.optionalDouble("atol")
        try reader.finish()
    }
}
