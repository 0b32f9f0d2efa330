import Foundation
import UnrollInterpreter

extension ProgressDisplay {
    /// Shows an interpreter event: fit start, batch counters (transient) and one line per epoch.
    static func show(_ event: InterpreterEvent, on display: ProgressDisplay) {
        switch event {
        case .fitStarted(let model, let epochs):
            display.line("  fit \(model): \(epochs) epoch\(epochs == 1 ? "" : "s")")
        case .batch(let epoch, let batch, let batches, let loss):
            display.transientLine("  epoch \(epoch)  batch \(batch)/\(batches)  loss \(format(loss))")
        case .epochFinished(let epoch, let epochs, let train, let valid):
            var text = "  epoch \(epoch)/\(epochs)"
            for (name, value) in train.sorted(by: { $0.key < $1.key }) { text += "  \(name) \(format(value))" }
            for (name, value) in (valid ?? [:]).sorted(by: { $0.key < $1.key }) { text += "  valid \(name) \(format(value))" }
            display.line(text)
        }
    }

    private static func format(_ value: Double) -> String { String(format: "%.4f", value) }
}
