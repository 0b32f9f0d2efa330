import UnrollData
import UnrollLanguage
import UnrollRecord
import UnrollTraining

extension Interpreter {
    /// `predict(model, data)`: a table of the first `count` examples with the model's prediction beside each
    /// target, and whether they agree (for numbers, the error).
    func predictDataset(_ model: ModelValue, _ data: DatasetValue, _ arguments: Arguments) throws -> Value {
        // The objective's checks: the data is of the kind the model reads and fits its vocabulary and labels.
        _ = try objective(for: model, on: .dataset(data), at: arguments.place("input"),
                          modelName: arguments.source("model", or: "model"), bptt: model.bptt)
        let count = min(try arguments.int("count"), data.count)
        var rows: [[TableCell]] = []
        let columns: [String]
        switch (model.network, data.content) {
        case (.classifier(let network), .labelled(let set)):
            columns = ["#", "text", "label", "predicted", "right"]
            for i in 0..<count {
                try checkpoint()
                let example = set.examples[i], fields = data.example(at: i)
                let predicted = set.labelNames[Prediction.label(network, of: example.tokens)]
                let label = set.labelNames[example.label]
                rows.append([.number(Double(i)), .text(fields[0].value.text), .text(label), .text(predicted),
                             .text(predicted == label ? "yes" : "no")])
            }
        case (.tagger(let network), .tagged(let set)):
            columns = ["#", "text", "tags", "predicted", "right"]
            for i in 0..<count {
                try checkpoint()
                let example = set.examples[i], fields = data.example(at: i)
                let predicted = Prediction.tags(network, of: example.tokens)
                let right = zip(predicted, example.tags).filter { $0 == $1 }.count
                rows.append([.number(Double(i)), .text(fields[0].value.text),
                             .text(example.tags.map { set.tagNames[$0] }.joined(separator: " ")),
                             .text(predicted.map { set.tagNames[$0] }.joined(separator: " ")),
                             .text("\(right)/\(example.tags.count)")])
            }
        case (.regressor(let network), .sequences(let set)):
            columns = ["#", "target", "predicted", "error"]
            for i in 0..<count {
                try checkpoint()
                let example = set.examples[i]
                let predicted = Prediction.values(network, inputs: example.inputs, steps: example.steps)
                let error = zip(predicted, example.targets).map { abs(Double($0) - Double($1)) }.max() ?? 0
                rows.append([.number(Double(i)), Self.numbersCell(example.targets), Self.numbersCell(predicted), .number(error)])
            }
        case (.seq2seq(let network), .pairs(let set)):
            columns = ["#", "source", "target", "predicted", "right"]
            let examples = Array(set.examples.prefix(count))
            let outputs = try decode(network, examples, beam: 1, at: arguments.place("input"))
            for (i, (example, output)) in zip(examples, outputs).enumerated() {
                rows.append([.number(Double(i)), .text(set.decodeSource(example.source)), .text(set.decodeTarget(example.target)),
                             .text(set.decodeTarget(output)), .text(output == example.target ? "yes" : "no")])
            }
        default:
            throw arguments.error("a \(model.kind.rawValue) cannot predict \(data.kind.description) one by one; "
                + "use 'evaluate(model, data)' for its metrics", at: "input")
        }
        return .table(TableOutput(title: "predictions for \(count) of \(data.count) examples", columns: columns, rows: rows))
    }

    /// One number as a number, several as text (`0.25 0.5`).
    private static func numbersCell(_ values: [Float]) -> TableCell {
        if values.count == 1 { return .number(Double(values[0])) }
        return .text(values.map { NumberText.format(Double($0)) }.joined(separator: " "))
    }
}
