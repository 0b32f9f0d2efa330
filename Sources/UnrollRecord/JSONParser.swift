/// Parses JSON text (RFC 8259) into a `JSONValue`, keeping numbers as their literal text.
public struct JSONParser {
    /// The deepest nesting accepted, so that hostile input cannot exhaust the stack.
    public static let maximumDepth = 256

    /// The input bytes.
    private let bytes: [UInt8]
    /// The next byte to read.
    private var position = 0

    /// Parses `bytes` as one JSON document, throwing `JSONSyntaxError` if it is not exactly one value.
    public static func parse<Bytes: Sequence>(_ bytes: Bytes) throws -> JSONValue where Bytes.Element == UInt8 {
        var parser = JSONParser(bytes: Array(bytes))
        return try parser.parseDocument()
    }

    /// Parses the UTF-8 text `text`.
    public static func parse(_ text: String) throws -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// A parser positioned at the start of `bytes`.
    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// One value surrounded by optional whitespace.
    private mutating func parseDocument() throws -> JSONValue {
        skipWhitespace()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if position < bytes.count { throw error("unexpected \(describeNext()) after the end of the document") }
        return value
    }

    /// Any value, starting at the current byte.
    private mutating func parseValue(depth: Int) throws -> JSONValue {
        guard depth < JSONParser.maximumDepth else {
            throw error("nesting deeper than \(JSONParser.maximumDepth) levels")
        }
        guard position < bytes.count else { throw error("unexpected end of input; expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected \(describeNext()); expected a value")
        }
    }

    /// `{ "key": value, ... }`; duplicate keys are an error.
    private mutating func parseObject(depth: Int) throws -> JSONValue {
        position += 1
        var fields: [String: JSONValue] = [:]
        skipWhitespace()
        if peek(UInt8(ascii: "}")) { position += 1; return .object(fields) }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw error("unexpected \(describeNext()); expected a key string") }
            let keyStart = position
            let key = try parseString()
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw error("unexpected \(describeNext()); expected ':'") }
            position += 1
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            if fields[key] != nil {
                position = keyStart
                throw error("duplicate key '\(key)'")
            }
            fields[key] = value
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { position += 1; continue }
            if peek(UInt8(ascii: "}")) { position += 1; return .object(fields) }
            throw error("unexpected \(describeNext()); expected ',' or '}'")
        }
    }

    /// `[ value, ... ]`.
    private mutating func parseArray(depth: Int) throws -> JSONValue {
        position += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) { position += 1; return .array(items) }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { position += 1; continue }
            if peek(UInt8(ascii: "]")) { position += 1; return .array(items) }
            throw error("unexpected \(describeNext()); expected ',' or ']'")
        }
    }

    /// A quoted string with its escapes resolved; the input must be valid UTF-8.
    private mutating func parseString() throws -> String {
        position += 1
        var buffer: [UInt8] = []
        while true {
            guard position < bytes.count else { throw error("unterminated string") }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                guard let text = String(validatingUTF8Bytes: buffer) else {
                    throw error("string is not valid utf-8")
                }
                return text
            case UInt8(ascii: "\\"):
                position += 1
                try appendEscape(to: &buffer)
            case 0..<0x20:
                throw error("control character in string; write it as an escape such as '\\n'")
            default:
                buffer.append(byte)
                position += 1
            }
        }
    }

    /// Resolves the escape after a backslash and appends its UTF-8 bytes.
    private mutating func appendEscape(to buffer: inout [UInt8]) throws {
        guard position < bytes.count else { throw error("unterminated escape") }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""): buffer.append(byte)
        case UInt8(ascii: "\\"): buffer.append(byte)
        case UInt8(ascii: "/"): buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var code = try parseHex4()
            if (0xD800..<0xDC00).contains(code) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else { throw error("unpaired surrogate in '\\u' escape") }
                position += 2
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate in '\\u' escape") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(code) {
                throw error("unpaired surrogate in '\\u' escape")
            }
            buffer.append(contentsOf: Array(String(Unicode.Scalar(code)!).utf8))
        default:
            position -= 1
            throw error("unknown escape '\\\(describeByte(byte))'")
        }
    }

    /// Four hexadecimal digits.
    private mutating func parseHex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count, let digit = hexValue(bytes[position]) else {
                throw error("expected four hexadecimal digits after '\\u'")
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    /// The value of a hexadecimal digit.
    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// A number literal, checked against the JSON grammar and returned as text.
    private mutating func parseNumber() throws -> String {
        let start = position
        if peek(UInt8(ascii: "-")) { position += 1 }
        if peek(UInt8(ascii: "0")) {
            position += 1
        } else if try !skipDigits() {
            throw error("expected a digit")
        }
        if peek(UInt8(ascii: ".")) {
            position += 1
            guard try skipDigits() else { throw error("expected a digit after '.'") }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            position += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { position += 1 }
            guard try skipDigits() else { throw error("expected a digit in the exponent") }
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// Skips decimal digits; true if there was at least one.
    private mutating func skipDigits() throws -> Bool {
        let start = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            position += 1
        }
        return position > start
    }

    /// Consumes `word` or throws.
    private mutating func expectWord(_ word: String) throws {
        let expected = Array(word.utf8)
        guard position + expected.count <= bytes.count,
            Array(bytes[position..<position + expected.count]) == expected
        else { throw error("unexpected \(describeNext()); expected a value") }
        position += expected.count
    }

    /// Skips spaces, tabs, carriage returns and newlines.
    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Whether the next byte is `byte`.
    private func peek(_ byte: UInt8) -> Bool {
        position < bytes.count && bytes[position] == byte
    }

    /// The next byte quoted for a message, or "end of input".
    private func describeNext() -> String {
        position < bytes.count ? "'\(describeByte(bytes[position]))'" : "end of input"
    }

    /// A byte as a printable character or a hexadecimal code.
    private func describeByte(_ byte: UInt8) -> String {
        (0x21..<0x7f).contains(byte) ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
    }

    /// A syntax error at the current position.
    private func error(_ message: String) -> JSONSyntaxError {
        var line = 1, column = 1
        for byte in bytes[..<min(position, bytes.count)] {
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return JSONSyntaxError(line: line, column: column, message: message)
    }
}

extension String {
    /// The string `bytes` encode as UTF-8, or nil if they are not valid UTF-8.
    fileprivate init?(validatingUTF8Bytes bytes: [UInt8]) {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var scalars = String.UnicodeScalarView()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        self = String(scalars)
    }
}
