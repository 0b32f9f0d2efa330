import UnrollDiagnostics
import UnrollLanguage

extension BuiltinLibrary {
    /// The history of a `History` receiver.
    private static func controlHistory(_ value: Value) throws -> HistoryValue {
        guard case .history(let h) = value else { preconditionFailure("interpreter: History member on \(value.type)") }
        return h
    }

    /// What a history records about schedules and early stopping.
    static let trainingControl: [Builtin] = [
        .property(Signature(
            name: "best_epoch", receiver: "History", family: .members, parameters: nil, result: .int,
            doc: "The epoch with the best monitored validation value in the latest fit that watched one (`patience`, `keep_best` or `monitor`); 0 when none did."
        )) { _, v, _ in .int(try controlHistory(v).history.bestEpoch ?? 0) },
        .property(Signature(
            name: "stopped_epoch", receiver: "History", family: .members, parameters: nil, result: .int,
            doc: "The last epoch trained when early stopping (`patience`) ended the latest fit before its last planned epoch; 0 when it did not."
        )) { _, v, _ in .int(try controlHistory(v).history.stoppedEpoch ?? 0) },
        .property(Signature(
            name: "lr", receiver: "History", family: .members, parameters: nil, result: .series,
            doc: "The learning rate of each epoch that a `schedule` set (empty for fits without one)."
        )) { _, v, _ in .series(SeriesValue(values: try controlHistory(v).history.learningRates, split: nil, metric: "lr")) },
    ]
}
