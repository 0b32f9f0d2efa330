import UnrollDiagnostics

/// Reads the fields of one JSON object by name, remembering which were read so that unknown keys are reported.
struct JSONObjectReader {
    /// The object's path in the document, used in error messages.
    let path: String
    /// The object's fields.
    private let fields: [String: JSONValue]
    /// The keys read so far.
    private var used: Set<String> = []

    /// A reader for `value`, which must be an object.
    init(_ value: JSONValue, path: String) throws {
        guard case .object(let fields) = value else {
            throw RecordDecodingError(path: path, message: "expected an object, found \(value.typeName)")
        }
        self.fields = fields
        self.path = path
    }

    /// The path of the field `key`.
    func path(of key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// The field `key`, or nil when it is absent.
    mutating func optional(_ key: String) -> JSONValue? {
        used.insert(key)
        return fields[key]
    }

    /// The field `key`, which must be present.
    mutating func required(_ key: String) throws -> JSONValue {
        guard let value = optional(key) else {
            throw RecordDecodingError(path: path, message: "missing key '\(key)'")
        }
        return value
    }

    /// The string field `key`.
    mutating func string(_ key: String) throws -> String {
        try JSONDecoding.string(required(key), path: path(of: key))
    }

    /// The string field `key`, or nil when absent.
    mutating func optionalString(_ key: String) throws -> String? {
        try optional(key).map { try JSONDecoding.string($0, path: path(of: key)) }
    }

    /// The number field `key` (or `"nan"`, `"inf"`, `"-inf"`).
    mutating func double(_ key: String) throws -> Double {
        try JSONDecoding.double(required(key), path: path(of: key))
    }

    /// The number field `key`, or nil when absent.
    mutating func optionalDouble(_ key: String) throws -> Double? {
        try optional(key).map { try JSONDecoding.double($0, path: path(of: key)) }
    }

    /// The boolean field `key`.
    mutating func bool(_ key: String) throws -> Bool {
        let value = try required(key)
        guard case .bool(let flag) = value else { throw JSONDecoding.mismatch("a boolean", value, path(of: key)) }
        return flag
    }

    /// The whole-number field `key`.
    mutating func integer<Integer: FixedWidthInteger>(_ key: String, as type: Integer.Type = Int.self) throws -> Integer {
        try JSONDecoding.integer(required(key), as: type, path: path(of: key))
    }

    /// The array field `key`.
    mutating func array(_ key: String) throws -> [JSONValue] {
        try JSONDecoding.array(required(key), path: path(of: key))
    }

    /// The object field `key`, as its fields.
    mutating func object(_ key: String) throws -> [String: JSONValue] {
        let value = try required(key)
        guard case .object(let fields) = value else { throw JSONDecoding.mismatch("an object", value, path(of: key)) }
        return fields
    }

    /// The array-of-strings field `key`.
    mutating func strings(_ key: String) throws -> [String] {
        let items = try array(key)
        return try items.enumerated().map { try JSONDecoding.string($1, path: "\(path(of: key))[\($0)]") }
    }

    /// The array-of-numbers field `key`.
    mutating func doubles(_ key: String) throws -> [Double] {
        let items = try array(key)
        return try items.enumerated().map { try JSONDecoding.double($1, path: "\(path(of: key))[\($0)]") }
    }

    /// The string field `key` read as one of an enumeration's raw values, suggesting the closest on a typo.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, as type: Choice.Type) throws -> Choice
    where Choice.RawValue == String {
        let text = try string(key)
        if let value = Choice(rawValue: text) { return value }
        let names = Choice.allCases.map(\.rawValue)
        var message = "unknown value '\(text)'"
        if let guess = Suggestion.closest(to: text, in: names) {
            message += "; did you mean '\(guess)'?"
        } else {
            message += "; expected one of " + names.map { "'\($0)'" }.joined(separator: ", ")
        }
        throw RecordDecodingError(path: path(of: key), message: message)
    }

    /// Throws if the object has a key that was never read.
    func finish() throws {
        let unknown = fields.keys.filter { !used.contains($0) }.sorted()
        if let first = unknown.first {
            throw RecordDecodingError(path: path, message: "unknown key '\(first)'")
        }
    }
}

/// Conversions from `JSONValue` to Swift values that report the path of a mismatch.
enum JSONDecoding {
    /// `value` as a string.
    static func string(_ value: JSONValue, path: String) throws -> String {
        guard case .string(let text) = value else { throw mismatch("a string", value, path) }
        return text
    }

    /// `value` as a double, accepting `"nan"`, `"inf"` and `"-inf"`.
    static func double(_ value: JSONValue, path: String) throws -> Double {
        guard let number = value.doubleValue else { throw mismatch("a number", value, path) }
        return number
    }

    /// `value` as a whole number of type `Integer`.
    static func integer<Integer: FixedWidthInteger>(_ value: JSONValue, as type: Integer.Type, path: String) throws
        -> Integer
    {
        guard let number = value.integerValue(as: type) else {
            throw mismatch("a whole number in range", value, path)
        }
        return number
    }

    /// `value` as an array.
    static func array(_ value: JSONValue, path: String) throws -> [JSONValue] {
        guard case .array(let items) = value else { throw mismatch("an array", value, path) }
        return items
    }

    /// A type-mismatch error.
    static func mismatch(_ expected: String, _ found: JSONValue, _ path: String) -> RecordDecodingError {
        RecordDecodingError(path: path, message: "expected \(expected), found \(found.typeName)")
    }
}
