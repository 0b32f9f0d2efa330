import Foundation
import UnrollSettings

/// The JSON record of one notebook run: what was run, with which seed and parameters, and what every cell
/// showed. It is written next to the reports and is the baseline `unroll check` compares against.
public struct RunRecord: Equatable, Sendable {
    /// The version of the record layout, written as `format`; bumped when the layout changes.
    public static let formatVersion = 1

    /// The notebook's path as given on the command line.
    public var notebookPath: String
    /// The SHA-256 of the notebook's source text, as 64 lower-case hex digits.
    public var notebookHash: String
    /// The version of Unroll that made the record.
    public var unrollVersion: String
    /// The seed of the run.
    public var seed: UInt64
    /// The parameters in effect (front matter plus `-p` overrides), sorted by name.
    public var params: [Parameter]
    /// The notebook's title.
    public var title: String
    /// The outcome of the run.
    public var status: RunStatus
    /// One record per rnn cell, in notebook order.
    public var cells: [CellRecord]
    /// Wall-clock seconds the whole run took; recorded only when timings are asked for.
    public var totalSeconds: Double?
    /// Every file the notebook read, by path (each once); nil in records written before files were recorded.
    public var files: [FileRecord]?
    /// How the run was computed (CPU, kernel path, threads, version); nil in records written before it existed.
    /// The only part of the record that may differ between machines; `check` does not compare it.
    public var environment: RunEnvironment?
    /// In a baseline written by `check --update --seeds K`: each value's sample over K seeds; nil otherwise.
    public var seedStatistics: SeedStatistics?

    /// A record from its parts; parameters are sorted by name (names must be unique), and the status
    /// defaults to `failed` if any cell failed.
    public init(
        notebookPath: String, notebookHash: String, unrollVersion: String, seed: UInt64, params: [Parameter],
        title: String, status: RunStatus? = nil, cells: [CellRecord], totalSeconds: Double? = nil,
        files: [FileRecord]? = nil, environment: RunEnvironment? = nil
    ) {
        let sorted = params.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            precondition(a.name != b.name, "parameter '\(a.name)' appears twice: \(a.value) and \(b.value)")
        }
        self.notebookPath = notebookPath
        self.notebookHash = notebookHash
        self.unrollVersion = unrollVersion
        self.seed = seed
        self.params = sorted
        self.title = title
        self.status = status ?? RunStatus(cells: cells)
        self.cells = cells
        self.totalSeconds = totalSeconds
        self.files = files.map(RunRecord.byPath)
        self.environment = environment
    }

    /// `files` sorted by path, keeping the last read of each path.
    private static func byPath(_ files: [FileRecord]) -> [FileRecord] {
        var last: [String: FileRecord] = [:]
        for file in files { last[file.path] = file }
        return last.values.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// A record for the notebook whose full text is `notebookSource`, hashing it.
    public init(
        notebookPath: String, notebookSource: String, unrollVersion: String, seed: UInt64, params: [Parameter],
        title: String, status: RunStatus? = nil, cells: [CellRecord], totalSeconds: Double? = nil,
        files: [FileRecord]? = nil, environment: RunEnvironment? = nil
    ) {
        self.init(
            notebookPath: notebookPath, notebookHash: SHA256.hexDigest(of: notebookSource),
            unrollVersion: unrollVersion, seed: seed, params: params, title: title, status: status, cells: cells,
            totalSeconds: totalSeconds, files: files, environment: environment)
    }

    /// The cell whose id is `id`, if any.
    public func cell(id: String) -> CellRecord? {
        cells.first { $0.id == id }
    }

    /// The value of the parameter `name`, if set.
    public func param(_ name: String) -> ParamValue? {
        params.first { $0.name == name }?.value
    }

    /// The record as a JSON tree.
    public var json: JSONValue {
        var paramFields: [String: JSONValue] = [:]
        for param in params { paramFields[param.name] = param.value.json }
        var fields: [String: JSONValue] = [
            "format": .integer(RunRecord.formatVersion),
            "notebook": .string(notebookPath),
            "notebook_sha256": .string(notebookHash),
            "unroll_version": .string(unrollVersion),
            "seed": .integer(seed),
            "params": .object(paramFields),
            "title": .string(title),
            "status": .string(status.rawValue),
            "cells": .array(cells.map(\.json)),
        ]
        if let totalSeconds { fields["total_seconds"] = .double(totalSeconds) }
        if let environment { fields["environment"] = environment.json }
        if let files { fields["files"] = .array(files.map(\.json)) }
        if let seedStatistics { fields["seed_statistics"] = seedStatistics.json }
        return .object(fields)
    }

    /// The record's JSON text: sorted keys, two-space indentation, trailing newline; byte-identical for
    /// equal records.
    public func encodedText() -> String {
        JSONWriter.write(json)
    }

    /// The record's JSON text as UTF-8 bytes.
    public func encoded() -> Data {
        Data(encodedText().utf8)
    }

    /// Reads a record from JSON bytes, throwing `JSONSyntaxError` for text that is not JSON and
    /// `RecordDecodingError` for JSON that is not a run record.
    public static func decode(from data: Data) throws -> RunRecord {
        try RunRecord(json: JSONParser.parse(data))
    }

    /// Reads a record from a JSON tree.
    public init(json: JSONValue) throws {
        var reader = try JSONObjectReader(json, path: "")
        let format = try reader.integer("format")
        guard format == RunRecord.formatVersion else {
            throw RecordDecodingError(
                path: "format",
                message: "record format \(format) is not supported (this unroll reads format \(RunRecord.formatVersion)); "
                    + "re-create the baseline with 'unroll check --update'")
        }
        notebookPath = try reader.string("notebook")
        notebookHash = try reader.string("notebook_sha256")
        unrollVersion = try reader.string("unroll_version")
        seed = try reader.integer("seed", as: UInt64.self)
        let paramFields = try reader.object("params")
        let paramsPath = reader.path(of: "params")
        params = try paramFields.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map {
            Parameter(name: $0, value: try ParamValue(json: paramFields[$0]!, path: "\(paramsPath).\($0)"))
        }
        title = try reader.string("title")
        status = try reader.choice("status", as: RunStatus.self)
        cells = try reader.array("cells").enumerated().map { try CellRecord(json: $1, path: "cells[\($0)]") }
        var firstCell: [String: Int] = [:]
        for (i, cell) in cells.enumerated() {
            if let j = firstCell[cell.id] {
                throw RecordDecodingError(path: "cells[\(i)].id",
                                          message: "cell id '\(cell.id)' appears twice (also cells[\(j)]); the record is malformed")
            }
            firstCell[cell.id] = i
        }
        totalSeconds = try reader.optionalDouble("total_seconds")
        let filesPath = reader.path(of: "files")
        files = try reader.optional("files").map {
            try JSONDecoding.array($0, path: filesPath).enumerated().map { try FileRecord(json: $1, path: "\(filesPath)[\($0)]") }
        }
        environment = try reader.optional("environment").map {
            try RunEnvironment(json: $0, path: reader.path(of: "environment"))
        }
        seedStatistics = try reader.optional("seed_statistics").map {
            try SeedStatistics(json: $0, path: reader.path(of: "seed_statistics"))
        }
        try reader.finish()
    }
}
