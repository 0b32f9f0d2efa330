import Foundation
import UnrollData
import UnrollDiagnostics
import UnrollFileIO
import UnrollRecord

extension Interpreter {
    /// `text(path, tokens:, min_freq:, lowercase:)`: a file as one token stream.
    func text(_ arguments: Arguments) throws -> Value {
        let (shown, actual, contents) = try readDataFile(arguments)
        let unit = try tokenUnit(arguments)
        let corpus = try Self.dataErrors(at: arguments.place("path"), file: (shown, actual)) {
            try TextCorpus(text: contents, unit: unit, lowercase: arguments.bool("lowercase"), name: shown,
                           minFrequency: arguments.int("min_freq"))
        }
        return .corpus(corpus)
    }

    /// `csv(path, text:, label:, tokens:, min_freq:, lowercase:)`: labelled texts, one per row.
    func csv(_ arguments: Arguments) throws -> Value {
        let (shown, actual, contents) = try readDataFile(arguments)
        let unit = try tokenUnit(arguments)
        let data = try Self.dataErrors(at: arguments.place("path"), file: (shown, actual)) {
            try ClassificationDataset(csv: CSVTable(parsing: contents, name: shown),
                                      textColumn: arguments.string("text"), labelColumn: arguments.string("label"),
                                      unit: unit, lowercase: arguments.bool("lowercase"),
                                      minFrequency: arguments.int("min_freq"))
        }
        return .dataset(DatasetValue(.labelled(data), origin: "csv"))
    }

    /// `series_csv(path, target:, columns:, window:, horizon:, stride:)`: numeric columns cut into windows.
    func seriesCSV(_ arguments: Arguments) throws -> Value {
        let (shown, actual, contents) = try readDataFile(arguments)
        let target = try arguments.string("target")
        var columns = [target]
        if arguments.wasGiven("columns") {
            guard case .list(let names) = try arguments.value("columns") else {
                throw arguments.error("'columns' must be a list of column names", at: "columns")
            }
            columns = names.map(\.text)
        }
        let data = try Self.dataErrors(at: arguments.place("path"), file: (shown, actual)) {
            try SeriesWindows.dataset(from: CSVTable(parsing: contents, name: shown), columns: columns, target: target,
                                      window: arguments.int("window"), horizon: arguments.int("horizon"),
                                      stride: arguments.int("stride"))
        }
        return .dataset(DatasetValue(.sequences(data), origin: "series_csv"))
    }

    /// `tagged(path, separator:, min_freq:, lowercase:)`: lines of `token/TAG` items.
    func tagged(_ arguments: Arguments) throws -> Value {
        let (shown, actual, contents) = try readDataFile(arguments)
        let separator = try arguments.string("separator")
        let lowercase = try arguments.bool("lowercase")
        guard !separator.isEmpty else { throw arguments.error("'separator' must not be empty", at: "separator") }
        var source = contents
        if separator != "/" || lowercase {
            source = try Self.normalizeTagged(contents, separator: separator, lowercase: lowercase, shown: shown,
                                              at: arguments.place("path"))
        }
        let data = try Self.dataErrors(at: arguments.place("path"), file: (shown, actual)) {
            try TaggingDataset(taggedText: source, name: shown, minFrequency: arguments.int("min_freq"))
        }
        return .dataset(DatasetValue(.tagged(data), origin: "tagged", lowercaseTokens: lowercase))
    }

    /// `tsv(path, tokens:, source_tokens:, target_tokens:, min_freq:, lowercase:)`: parallel `source<TAB>target` lines.
    func tsv(_ arguments: Arguments) throws -> Value {
        let (shown, actual, contents) = try readDataFile(arguments)
        let unit = try tokenUnit(arguments)
        let sourceUnit = try arguments["source_tokens"] == nil ? unit : tokenUnit(arguments, "source_tokens")
        let targetUnit = try arguments["target_tokens"] == nil ? unit : tokenUnit(arguments, "target_tokens")
        let data = try Self.dataErrors(at: arguments.place("path"), file: (shown, actual)) {
            try SequencePairDataset(tsv: contents, name: shown, sourceUnit: sourceUnit, targetUnit: targetUnit,
                                    lowercase: arguments.bool("lowercase"), minFrequency: arguments.int("min_freq"))
        }
        return .dataset(DatasetValue(.pairs(data), origin: "tsv"))
    }

    /// Rewrites tagged lines into the `token/TAG` form the data module reads: each item is cut at the last
    /// `separator`, and its token lower-cased when asked.
    static func normalizeTagged(_ text: String, separator: String, lowercase: Bool, shown: String,
                                at place: SourceRange) throws -> String {
        var lines: [String] = []
        for (offset, line) in TextFile.normalizeNewlines(text).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var items: [String] = []
            for item in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                guard let cut = item.range(of: separator, options: .backwards) else {
                    throw RuntimeError("'\(shown)', line \(offset + 1): item '\(item)' has no '\(separator)TAG'; "
                        + "write items as token\(separator)TAG", at: place)
                }
                let token = String(item[..<cut.lowerBound]), tag = String(item[cut.upperBound...])
                if separator != "/" && tag.contains("/") {
                    throw RuntimeError("'\(shown)', line \(offset + 1): tag '\(tag)' contains '/', which tags cannot hold",
                                       at: place)
                }
                items.append((lowercase ? token.lowercased() : token) + "/" + tag)
            }
            lines.append(items.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }

    /// Reads the file named by the `path` argument, inside the notebook's folder or an allowed root, as text;
    /// its size is checked before anything is read.
    private func readDataFile(_ arguments: Arguments) throws -> (shown: String, actual: String, text: String) {
        let (shown, file) = try sandboxedFile(arguments)
        let place = arguments.place("path")
        guard file.size <= Self.maximumTextFileBytes else {
            throw RuntimeError(FileMessage.tooLargeForText(path: shown, sizeGB: Self.gigabytes(Double(file.size)),
                                                           limitGB: Self.gigabytes(Double(Self.maximumTextFileBytes))),
                               at: place)
        }
        let bytes = try reading(shown, arguments) { try file.readAll() }
        filesRead.append(FileRecord(path: shown, bytes: bytes))
        let text = try Self.dataErrors(at: place, file: (shown, file.path)) { try TextFile.text(of: bytes, name: file.path) }
        return (shown, file.path, text)
    }

    private func tokenUnit(_ arguments: Arguments, _ parameter: String = "tokens") throws -> TokenUnit {
        let name = try arguments.string(parameter)
        return try Self.dataErrors(at: arguments.place(parameter)) { try TokenUnit.named(name) }
    }
}
