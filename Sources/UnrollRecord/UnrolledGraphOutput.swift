/// A recurrent model's computational graph unfolded over a few time steps (Goodfellow et al., Figs 10.2–10.4):
/// the inputs, one state per (layer, direction) and step, the outputs, and the shared weights by their
/// state-dict names. The record keeps this description; the reports draw it.
public struct UnrolledGraphOutput: Equatable, Sendable {
    /// The weights of one (layer, direction), shared by every step.
    public struct Recurrence: Equatable, Sendable {
        /// The layer, from 1.
        public var layer: Int
        /// Whether this direction runs from the last step to the first.
        public var reverse: Bool
        /// The state-dict name of the input-to-state weight (`rnn.weight_ih_l0`).
        public var inputWeight: String
        /// The state-dict name of the state-to-state weight (`rnn.weight_hh_l0`).
        public var recurrentWeight: String

        /// A recurrence from its parts.
        public init(layer: Int, reverse: Bool, inputWeight: String, recurrentWeight: String) {
            self.layer = layer
            self.reverse = reverse
            self.inputWeight = inputWeight
            self.recurrentWeight = recurrentWeight
        }
    }

    /// When the model produces outputs.
    public enum Outputs: String, CaseIterable, Sendable {
        /// One output per step (language models, taggers, per-step regressors).
        case everyStep = "every_step"
        /// One output from the final states (classifiers, many-to-one regressors).
        case lastStep = "last_step"
    }

    /// The caption.
    public var title: String
    /// The cell type as the language names it (`LSTM`).
    public var cell: String
    /// What one state box holds: `h`, or `h, c` for an LSTM.
    public var state: String
    /// How many steps are drawn.
    public var steps: Int
    /// The state-dict name of the weight that turns inputs into vectors (`embedding.weight`), or empty.
    public var inputWeight: String
    /// Every (layer, direction), layer by layer, forward before reverse.
    public var recurrences: [Recurrence]
    /// The state-dict name of the output weight (`head.weight`).
    public var outputWeight: String
    /// When the model produces outputs.
    public var outputs: Outputs

    /// A graph from its parts; it needs at least one step and one recurrence.
    public init(title: String, cell: String, state: String, steps: Int, inputWeight: String,
                recurrences: [Recurrence], outputWeight: String, outputs: Outputs) {
        precondition(steps >= 1 && !recurrences.isEmpty, "an unrolled graph needs steps and recurrences")
        self.title = title
        self.cell = cell
        self.state = state
        self.steps = steps
        self.inputWeight = inputWeight
        self.recurrences = recurrences
        self.outputWeight = outputWeight
        self.outputs = outputs
    }

    /// The number of layers.
    public var layerCount: Int { recurrences.map(\.layer).max() ?? 0 }

    /// The recurrences of `layer` (from 1), forward first.
    public func recurrences(of layer: Int) -> [Recurrence] { recurrences.filter { $0.layer == layer } }

    /// The description as lines of text, one per fact (what `check` and `diff` compare and show).
    public var lines: [String] {
        ["title: \(title)", "cell: \(cell)", "state: \(state)", "steps: \(steps)", "input weight: \(inputWeight)"]
            + recurrences.map { "layer \($0.layer) \($0.reverse ? "reverse" : "forward"): \($0.inputWeight), \($0.recurrentWeight)" }
            + ["output weight: \(outputWeight)", "outputs: \(outputs.rawValue)"]
    }

    /// The fields of the JSON form.
    var jsonFields: [String: JSONValue] {
        [
            "title": .string(title), "cell": .string(cell), "state": .string(state),
            "steps": .number(String(steps)), "input_weight": .string(inputWeight), "output_weight": .string(outputWeight),
            "outputs": .string(outputs.rawValue),
            "recurrences": .array(recurrences.map {
                .object(["layer": .number(String($0.layer)), "reverse": .bool($0.reverse),
                         "input_weight": .string($0.inputWeight), "recurrent_weight": .string($0.recurrentWeight)])
            }),
        ]
    }

    /// Reads the fields of the JSON form, checking that steps and layers are positive and layers run 1, 2, ….
    init(reading reader: inout JSONObjectReader) throws {
        title = try reader.string("title")
        cell = try reader.string("cell")
        state = try reader.string("state")
        inputWeight = try reader.string("input_weight")
        outputWeight = try reader.string("output_weight")
        outputs = try reader.choice("outputs", as: Outputs.self)
        let stepsPath = reader.path(of: "steps")
        steps = try reader.integer("steps")
        guard steps >= 1 else { throw RecordDecodingError(path: stepsPath, message: "\(steps) steps; at least 1 is drawn") }
        let listPath = reader.path(of: "recurrences")
        var recurrences: [Recurrence] = []
        for (i, item) in try reader.array("recurrences").enumerated() {
            var fields = try JSONObjectReader(item, path: "\(listPath)[\(i)]")
            let layer: Int = try fields.integer("layer")
            guard case .bool(let reverse) = try fields.required("reverse") else {
                throw RecordDecodingError(path: fields.path(of: "reverse"), message: "expected true or false")
            }
            let expected = (recurrences.last?.layer ?? 0) + (reverse ? 0 : 1)
            guard layer == expected, !reverse || recurrences.last?.reverse == false else {
                throw RecordDecodingError(path: fields.path(of: "layer"), message: "layer \(layer) out of order; expected \(expected)")
            }
            recurrences.append(Recurrence(layer: layer, reverse: reverse, inputWeight: try fields.string("input_weight"),
                                          recurrentWeight: try fields.string("recurrent_weight")))
            try fields.finish()
        }
        guard !recurrences.isEmpty else { throw RecordDecodingError(path: listPath, message: "no recurrences") }
        self.recurrences = recurrences
    }
}
