import UnrollData
import UnrollDiagnostics

extension Interpreter {
    /// Runs `body`, turning a `DataError` it throws into a `RuntimeError` at `place`; a data file the
    /// notebook named as `shown` (read from `actual`) is called by the notebook's name in the message.
    static func dataErrors<T>(at place: SourceRange, file: (shown: String, actual: String)? = nil,
                              _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DataError {
            throw RuntimeError(describe(error, file: file), at: place)
        }
    }

    /// The message of a `DataError`: `'data/x.csv', line 3: unterminated quoted field`, with the file named as
    /// the notebook named it.
    static func describe(_ error: DataError, file: (shown: String, actual: String)?) -> String {
        guard var name = error.file else { return error.message }
        if let file, name == file.actual { name = file.shown }
        let line = error.line.map { ", line \($0)" } ?? ""
        return "'\(name)'\(line): \(error.reason)"
    }
}
