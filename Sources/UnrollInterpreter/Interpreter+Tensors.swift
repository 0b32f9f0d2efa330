import Foundation
import UnrollAutograd
import UnrollData
import UnrollDiagnostics
import UnrollFileIO
import UnrollLanguage
import UnrollNN
import UnrollRecord
import UnrollTensor

extension Interpreter {
    /// What a call made for its effect returns (the checker does not let it be used).
    static var nothing: Value { .tuple([]) }

    // MARK: - Files

    /// `load_tensors(path)`: every tensor of a safetensors file.
    func loadTensorsBuiltin(_ arguments: Arguments) throws -> Value {
        let (shown, file) = try readSafetensors(arguments)
        return .tensors(TensorsValue(file.tensors.mapValues(\.values), source: shown))
    }

    /// `save_tensors(path, tensors)`: tensors by name into a safetensors file of the report folder.
    func saveTensorsBuiltin(_ arguments: Arguments) throws -> Value {
        var tensors: [String: Tensor] = [:]
        switch try arguments.value("tensors") {
        case .tensors(let t): tensors = t.tensors
        case .record(let fields):
            for field in fields {
                guard case .tensor(let t) = field.value else {
                    throw arguments.error("field '\(field.name)' of the record is \(field.value.type.withArticle), not a Tensor",
                                          at: "tensors")
                }
                tensors[field.name] = t
            }
        case let other:
            throw arguments.error("argument 'tensors' of 'save_tensors' expects Tensors or a record of Tensors, got \(other.type)",
                                  at: "tensors")
        }
        guard !tensors.isEmpty else { throw arguments.error("there are no tensors to save", at: "tensors") }
        try save(tensors, arguments)
        return Self.nothing
    }

    /// `state_dict(model)`: a copy of the model's weights under their PyTorch names.
    func stateDictBuiltin(_ arguments: Arguments) throws -> Value {
        let model = try arguments.model()
        return .tensors(TensorsValue(StateDict.tensors(of: try weights(of: model, arguments)), source: "state_dict(\(arguments.source("model", or: "model")))"))
    }

    /// `load_weights(model, path)`: a strict load of a PyTorch state dict; on any mismatch nothing changes.
    func loadWeightsBuiltin(_ arguments: Arguments) throws -> Value {
        let model = try arguments.model()
        let (shown, file) = try readSafetensors(arguments)
        do {
            try StateDict.load(file.tensors.mapValues(\.values), into: try weights(of: model, arguments), strict: true)
        } catch let error as StateDictError {
            let name = arguments.source("model", or: "the model")
            throw arguments.error("'\(shown)' does not fit '\(name)': \(error.message)", at: "path")
        }
        return Self.nothing
    }

    /// `save_weights(model, path)`: the model's state dict into a safetensors file of the report folder.
    func saveWeightsBuiltin(_ arguments: Arguments) throws -> Value {
        let model = try arguments.model()
        try save(StateDict.tensors(of: try weights(of: model, arguments)), arguments)
        return Self.nothing
    }

    /// The model's named parameters; a Seq2Seq that waits for its first fit has none yet.
    private func weights(of model: ModelValue, _ arguments: Arguments) throws -> Parameterized {
        if model.kind == .echoState {
            throw arguments.error("an EchoState has no trained tensors to save or load: its reservoir is drawn from the seed "
                + "and 'fit' solves its readout", at: "model")
        }
        guard let parameterized = model.parameterized else {
            throw arguments.error("the Seq2Seq has no weights yet: give it 'source:' and 'target:' sizes, or fit it first",
                                  at: "model")
        }
        return parameterized
    }

    /// Reads the safetensors file named by the `path` argument, inside the notebook's folder or an allowed root:
    /// its length prefix and header first, checked against the file's size, then, when the file and its
    /// decoded tensors fit in half this machine's memory, the rest.
    private func readSafetensors(_ arguments: Arguments) throws -> (shown: String, file: Safetensors) {
        let (shown, file) = try sandboxedFile(arguments)
        let place = arguments.place("path")
        do {
            let layout = try reading(shown, arguments) { try SafetensorsLayout(reading: file) }
            let needed = Double(layout.fileSize) + Double(layout.decodedBytes)
            let memory = Double(ProcessInfo.processInfo.physicalMemory)
            guard needed <= memory / 2 else {
                throw RuntimeError(FileMessage.tensorsTooLarge(path: shown, neededGB: Self.gigabytes(needed),
                                                               machineGB: Self.gigabytes(memory)), at: place)
            }
            let bytes = try reading(shown, arguments) { try file.readAll() }
            filesRead.append(FileRecord(path: shown, bytes: bytes))
            return (shown, Safetensors(layout: layout, bytes: bytes))
        } catch let error as SafetensorsError {
            throw RuntimeError("'\(shown)': not a safetensors file we can read: \(error.message)", at: place)
        }
    }

    /// Encodes `tensors` (sorted names, float32) and keeps them as a saved file under the `path` argument's name.
    private func save(_ tensors: [String: Tensor], _ arguments: Arguments) throws {
        let name = try arguments.string("path")
        if let why = BuiltinLibrary.savedFileNameProblem(name) { throw arguments.error(why, at: "path") }
        let bytes: Data
        do {
            bytes = try Safetensors.encode(tensors: tensors, metadata: ["format": "pt"])
        } catch let error as SafetensorsError {
            throw arguments.error("cannot save \(ConstantValue.quote(name)): \(error.message)", at: "path")
        }
        let file = SavedFile(name: name, contents: bytes)
        if let i = savedFiles.firstIndex(where: { $0.name == name }) {
            savedFiles[i] = file
        } else {
            savedFiles.append(file)
        }
        let count = tensors.count
        outputs.append(.text(names.next("save"), "saved \(name): \(count) tensor\(count == 1 ? "" : "s"), \(bytes.count) bytes"))
    }

    // MARK: - Data, prediction and comparison

    /// `tensor_data(inputs, targets)`: numeric sequences from `(N, T, F)` inputs and `(N, O)` or `(N, T, O)` targets.
    func tensorDataBuiltin(_ arguments: Arguments) throws -> Value {
        let x = try tensorArgument(arguments, "inputs"), y = try tensorArgument(arguments, "targets")
        guard x.rank == 3, x.shape.allSatisfy({ $0 > 0 }) else {
            throw arguments.error("'inputs' must be sequences (N, T, F) with no empty dimension, got shape \(x.shape)", at: "inputs")
        }
        let (n, steps, features) = (x.shape[0], x.shape[1], x.shape[2])
        let perStep = y.rank == 3
        guard (y.rank == 2 || perStep), y.shape.allSatisfy({ $0 > 0 }) else {
            throw arguments.error("'targets' must be (N, O) or (N, T, O) with no empty dimension, got shape \(y.shape)", at: "targets")
        }
        guard y.shape[0] == n else {
            throw arguments.error("'targets' has \(y.shape[0]) examples but 'inputs' has \(n); shapes \(y.shape) and \(x.shape)",
                                  at: "targets")
        }
        if perStep, y.shape[1] != steps {
            throw arguments.error("'targets' has \(y.shape[1]) steps but 'inputs' has \(steps); shapes \(y.shape) and \(x.shape)",
                                  at: "targets")
        }
        let outputs = y.shape[y.rank - 1]
        let xs = x.scalars, ys = y.scalars
        let inputSize = steps * features, targetSize = perStep ? steps * outputs : outputs
        let examples = (0..<n).map { i in
            RegressionExample(inputs: Array(xs[i * inputSize ..< (i + 1) * inputSize]), steps: steps,
                              targets: Array(ys[i * targetSize ..< (i + 1) * targetSize]))
        }
        let set = RegressionDataset(examples: examples, featureCount: features, outputCount: outputs, perStep: perStep)
        return .dataset(DatasetValue(.sequences(set), origin: "tensor_data"))
    }

    /// `predict(model, tensor)`: a Regressor on sequences `(N, T, F)` gives `(N, O)`, or `(N, T, O)` per step.
    func predictTensor(_ model: ModelValue, _ x: Tensor, _ arguments: Arguments) throws -> Value {
        guard case .regressor(let network) = model.network else {
            throw arguments.error(BuiltinMessage.wrongModelKind(needs: "predict on a Tensor needs a Regressor", kind: model.kind.rawValue),
                                  at: "model")
        }
        guard x.rank == 3, x.shape[0] > 0, x.shape[1] > 0 else {
            throw arguments.error("a Regressor predicts from sequences (N, T, F), got a tensor of shape \(x.shape)", at: "input")
        }
        guard x.shape[2] == network.inputCount else {
            throw arguments.error("the tensor has \(x.shape[2]) features per step (shape \(x.shape)), but "
                + "'\(arguments.source("model", or: "the model"))' expects \(network.inputCount)", at: "input")
        }
        let (n, steps) = (x.shape[0], x.shape[1])
        var scratch = RandomGenerator(seed: 0)
        let y = withoutGradients {
            network.predict(inputs: x, lengths: Array(repeating: steps, count: n), training: false, rng: &scratch).value
        }
        return .tensor(network.perStep ? y.reshaped([n, steps, network.outputCount]) : y)
    }

    /// `max_abs_diff(a, b)` and `max_rel_diff(a, b)`: the largest |a − b|, divided by the largest |b| when relative.
    func maxDiffBuiltin(_ arguments: Arguments, relative: Bool) throws -> Value {
        let a = try tensorArgument(arguments, "a"), b = try tensorArgument(arguments, "b")
        guard a.shape == b.shape else {
            throw arguments.error("cannot compare tensors of shapes \(a.shape) and \(b.shape); they must be equal", at: "b")
        }
        let xs = a.scalars, ys = b.scalars
        var worst = 0.0, scale = 0.0
        for i in 0..<xs.count {
            let d = abs(Double(xs[i]) - Double(ys[i]))
            if d.isNaN { return .float(.nan) }
            worst = max(worst, d)
            scale = max(scale, abs(Double(ys[i])))
        }
        guard relative else { return .float(worst) }
        if worst == 0 { return .float(0) }
        return .float(scale == 0 ? .infinity : worst / scale)
    }

    private func tensorArgument(_ arguments: Arguments, _ name: String) throws -> Tensor {
        let value = try arguments.value(name)
        guard case .tensor(let t) = value else {
            throw arguments.error("argument '\(name)' of '\(arguments.owner)' expects Tensor, got \(value.type)", at: name)
        }
        return t
    }

    // MARK: - Lookup and display

    /// `tensors["name"]`: one tensor, or an error naming the closest name.
    func tensor(named index: Expr, in tensors: TensorsValue) throws -> Value {
        let key = try evaluate(index)
        guard case .string(let name) = key else {
            throw RuntimeError(ExpressionMessage.tensorKeyNotString(got: key.type), at: index.range)
        }
        if let t = tensors.tensors[name] { return .tensor(t) }
        let hint = Suggestion.closest(to: name, in: tensors.names).map { "; did you mean \(ConstantValue.quote($0))?" }
            ?? "; it has " + tensors.names.prefix(8).map(ConstantValue.quote).joined(separator: ", ")
            + (tensors.tensors.count > 8 ? ", …" : "")
        throw RuntimeError("no tensor \(ConstantValue.quote(name)) in \(tensors.source)\(hint)", at: index.range)
    }

    /// The most rows and columns `show` puts in a tensor's table.
    static let shownRows = 64, shownColumns = 16

    /// A tensor as a table: the last dimension across, one row per index of the others (a vector is one row).
    static func tensorTable(_ t: Tensor, title: String) -> TableOutput {
        let width = t.rank == 0 ? 1 : t.shape[t.rank - 1]
        let height = width == 0 ? 0 : t.count / width
        let leading = Array(t.shape.dropLast())
        let rows = min(height, shownRows), columns = min(width, shownColumns)
        let values = t.scalars
        var headers: [String] = [], cells: [[TableCell]] = []
        for r in 0..<rows {
            var index: [Int] = [], rest = r
            for size in leading.reversed() {
                index.insert(rest % size, at: 0)
                rest /= size
            }
            headers.append(index.map(String.init).joined(separator: ", "))
            cells.append((0..<columns).map { .number(Double(values[r * width + $0])) })
        }
        var caption = "\(title): Tensor \(t.shape)"
        if rows < height || columns < width {
            caption += " (first \(rows) of \(height) rows, \(columns) of \(width) columns)"
        }
        return TableOutput(title: caption, columns: (0..<columns).map(String.init),
                           rowHeaders: leading.isEmpty ? nil : headers, rows: cells)
    }

    /// Tensors as a table of names, shapes and sizes.
    static func tensorsTable(_ t: TensorsValue, title: String) -> TableOutput {
        let rows: [[TableCell]] = t.names.map { name in
            let tensor = t.tensors[name]!
            return [.text(name), .text("\(tensor.shape)"), .number(Double(tensor.count))]
        }
        return TableOutput(title: "\(title): \(t.tensors.count) tensor\(t.tensors.count == 1 ? "" : "s")",
                           columns: ["name", "shape", "size"], rows: rows)
    }
}
