/// A comma-separated table with a header row, parsed by RFC 4180 rules.
///
/// Fields may be quoted with `"`; inside quotes, `""` is a literal quote and commas and newlines are data.
/// Records end at `\n`, `\r\n` or `\r`. Blank lines between records are skipped, a final newline is optional,
/// and a quote inside an unquoted field is kept as a literal character (as most spreadsheets write it).
public struct CSVTable: Equatable, Sendable {
    /// The column names from the header row (surrounding spaces trimmed).
    public let header: [String]
    /// The data records, each with one field per header column.
    public let rows: [[String]]
    /// For each record in `rows`, the 1-based line of the file it starts on.
    public let lines: [Int]
    /// The file name used in messages.
    public let name: String

    /// Parses `text`; `name` labels the errors (`DataError`) for an unterminated quote, text after a closing
    /// quote, a record with the wrong number of fields, an empty table, or duplicate column names.
    public init(parsing text: String, name: String = "csv") throws {
        var parser = Parser(text: text, name: name)
        var records = try parser.records()
        guard !records.isEmpty else { throw DataError("has no header row (the file is empty)", file: name) }
        let headerRecord = records.removeFirst()
        let header = headerRecord.fields.map { $0.trimmingSpaces }
        var seen: Set<String> = []
        for column in header {
            if column.isEmpty {
                throw DataError("the header has an empty column name", file: name, line: headerRecord.line)
            }
            if !seen.insert(column).inserted {
                throw DataError("the header names column '\(column)' twice", file: name, line: headerRecord.line)
            }
        }
        for record in records where record.fields.count != header.count {
            throw DataError("expected \(header.count) fields (as in the header), found \(record.fields.count)"
                + (record.fields.count > header.count ? "; quote fields that contain commas" : ""),
                file: name, line: record.line)
        }
        self.header = header
        self.rows = records.map(\.fields)
        self.lines = records.map(\.line)
        self.name = name
    }

    /// Reads and parses the UTF-8 file at `path`.
    public init(contentsOfFile path: String) throws {
        try self.init(parsing: try TextFile.read(path), name: path)
    }

    /// The position of the column called `name`, or a `DataError` that lists the columns there are.
    public func column(named name: String) throws -> Int {
        if let i = header.firstIndex(of: name) { return i }
        let matches = header.indices.filter { header[$0].lowercased() == name.lowercased() }
        if matches.count == 1 { return matches[0] }
        throw DataError(NameSuggestion.unknownNameMessage(kind: "column", name: name, available: header),
                        file: self.name)
    }

    /// One record and the line it starts on.
    struct Record {
        var fields: [String]
        var line: Int
    }

    /// A single pass over the text's Unicode scalars.
    struct Parser {
        let scalars: [Unicode.Scalar]
        let name: String
        var position = 0
        var line = 1

        init(text: String, name: String) {
            self.scalars = Array(text.unicodeScalars)
            self.name = name
        }

        /// Every non-blank record.
        mutating func records() throws -> [Record] {
            var result: [Record] = []
            while position < scalars.count {
                if let record = try nextRecord() { result.append(record) }
            }
            return result
        }

        /// Consumes one line ending (`\n`, `\r\n`, `\r`) if one is next; returns whether it did.
        mutating func consumeNewline() -> Bool {
            guard position < scalars.count else { return false }
            if scalars[position] == "\r" {
                position += 1
                if position < scalars.count, scalars[position] == "\n" { position += 1 }
            } else if scalars[position] == "\n" {
                position += 1
            } else {
                return false
            }
            line += 1
            return true
        }

        /// The next record, or nil for a blank line.
        mutating func nextRecord() throws -> Record? {
            let startLine = line
            if consumeNewline() { return nil }
            var fields: [String] = []
            while true {
                fields.append(try nextField())
                if position >= scalars.count { break }
                if scalars[position] == "," { position += 1; continue }
                _ = consumeNewline()
                break
            }
            return Record(fields: fields, line: startLine)
        }

        /// The next field, leaving the position on the comma or line ending after it.
        mutating func nextField() throws -> String {
            var field = String.UnicodeScalarView()
            if position < scalars.count, scalars[position] == "\"" {
                let openLine = line
                position += 1
                while true {
                    guard position < scalars.count else {
                        throw DataError("unterminated quoted field (the quote opened here is never closed)",
                                        file: name, line: openLine)
                    }
                    let scalar = scalars[position]
                    if scalar == "\"" {
                        if position + 1 < scalars.count, scalars[position + 1] == "\"" {
                            field.append("\"")
                            position += 2
                            continue
                        }
                        position += 1
                        break
                    }
                    if scalar == "\r" || scalar == "\n" {
                        _ = consumeNewline()
                        field.append("\n")
                        continue
                    }
                    field.append(scalar)
                    position += 1
                }
                if position < scalars.count, !isDelimiter(scalars[position]) {
                    throw DataError("unexpected '\(Character(scalars[position]))' after a closing quote; "
                        + "write a quote inside a quoted field as \"\"", file: name, line: line)
                }
                return String(field)
            }
            while position < scalars.count, !isDelimiter(scalars[position]) {
                field.append(scalars[position])
                position += 1
            }
            return String(field)
        }

        func isDelimiter(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "," || scalar == "\n" || scalar == "\r"
        }
    }
}
