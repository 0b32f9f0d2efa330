import UnrollDiagnostics
import UnrollLanguage
import UnrollTensor

extension BuiltinLibrary {
    /// Why a file name given to a save builtin cannot be used, or nil when it can (or is not known yet).
    static func savedFileProblem(_ facts: CallFacts) -> CallProblem? {
        guard case .string(let name)? = facts.constant("path") else { return nil }
        guard let why = savedFileNameProblem(name) else { return nil }
        return CallProblem(why, at: "path")
    }

    /// Why `name` is not a plain `.safetensors` file name for the report folder, or nil when it is one.
    public static func savedFileNameProblem(_ name: String) -> String? {
        let plain = !name.isEmpty && !name.contains("/") && !name.contains("\\") && !name.hasPrefix(".")
        if plain && name.hasSuffix(".safetensors") && name.count > ".safetensors".count {
            // File systems take names of at most 255 bytes.
            guard name.utf8.count > 255 else { return nil }
            return "cannot save to \(ConstantValue.quote(String(name.prefix(40))))…: the name is \(name.utf8.count) bytes "
                + "long and file names can have at most 255; choose a shorter one"
        }
        return "cannot save to \(ConstantValue.quote(name)): give a plain file name ending in '.safetensors', "
            + "such as \"trained.safetensors\"; saved files go into the notebook's report folder"
    }

    /// Problems with the fields of a record passed as tensors to save: each must be a Tensor.
    private static func recordProblems(_ facts: CallFacts) -> [CallProblem] {
        guard case .record(let fields)? = facts.type("tensors") else { return [] }
        if fields.isEmpty { return [CallProblem(BuiltinMessage.emptyTensorRecord, at: "tensors")] }
        return fields.filter { !$0.type.isAssignable(to: .tensor) }.map {
            CallProblem("field '\($0.name)' of the record is \($0.type.withArticle), not a Tensor", at: "tensors")
        }
    }

    /// Reading and writing safetensors files: tensors, and model weights under PyTorch's `state_dict` names.
    static let tensors: [Builtin] = [
        .function(Signature(
            name: "load_tensors", family: .tensors,
            parameters: [.positional("path", .string, doc: "a safetensors file, relative to the notebook")],
            result: .tensors,
            doc: "Reads every tensor of a safetensors file (as PyTorch's `save_file` writes it), by name: `t[\"x\"]`."
        )) { try $0.loadTensorsBuiltin($1) },
        .function(Signature(
            name: "save_tensors", family: .tensors,
            parameters: [
                .positional("path", .string, doc: "a plain file name ending in `.safetensors`"),
                .positional("tensors", .oneOf([.tensors, .record([])]),
                            doc: "tensors by name: a record such as `{ y: y }`, or a Tensors value"),
            ],
            result: .nothing,
            doc: "Writes tensors as float32 to a safetensors file in the notebook's report folder (`output/NAME/`); "
                + "`unroll check` writes nothing.",
            rule: { facts in CallOutcome(.nothing, problems: [savedFileProblem(facts)].compactMap { $0 } + recordProblems(facts)) }
        )) { try $0.saveTensorsBuiltin($1) },
        .function(Signature(
            name: "state_dict", family: .tensors,
            parameters: [.positional("model", .anyModel, doc: "any model")],
            result: .tensors,
            doc: "A copy of the model's weights by their PyTorch `state_dict` names (`rnn.weight_ih_l0`, `head.bias`)."
        )) { try $0.stateDictBuiltin($1) },
        .function(Signature(
            name: "load_weights", family: .tensors,
            parameters: [
                .positional("model", .anyModel, doc: "the model whose weights are replaced"),
                .positional("path", .string, doc: "a safetensors file, relative to the notebook, keyed by PyTorch's state_dict names"),
            ],
            result: .nothing,
            doc: "Replaces the model's weights with a PyTorch `state_dict` file, strictly: every name must match and "
                + "every shape agree, else nothing changes."
        )) { try $0.loadWeightsBuiltin($1) },
        .function(Signature(
            name: "save_weights", family: .tensors,
            parameters: [
                .positional("model", .anyModel, doc: "any model"),
                .positional("path", .string, doc: "a plain file name ending in `.safetensors`"),
            ],
            result: .nothing,
            doc: "Writes the model's weights under their PyTorch `state_dict` names to a safetensors file in the "
                + "report folder, for `load_state_dict` in PyTorch; `unroll check` writes nothing.",
            rule: { facts in CallOutcome(.nothing, problems: [savedFileProblem(facts)].compactMap { $0 }) }
        )) { try $0.saveWeightsBuiltin($1) },
        .function(Signature(
            name: "tensor_data", family: .tensors,
            parameters: [
                .positional("inputs", .tensor, doc: "sequences (N, T, F): N examples of T steps with F features"),
                .positional("targets", .tensor, doc: "(N, O) for one target per sequence, or (N, T, O) for one per step"),
            ],
            result: .dataset(DatasetFacts(kind: .sequences, origin: "tensor_data")),
            doc: "Numeric sequences from tensors, for `fit`, `evaluate` and `split` with a Regressor (mean squared error)."
        )) { try $0.tensorDataBuiltin($1) },
        .function(Signature(
            name: "max_abs_diff", family: .tensors,
            parameters: [
                .positional("a", .tensor, doc: "a tensor"),
                .positional("b", .tensor, doc: "a tensor of the same shape"),
            ],
            result: .float,
            doc: "The largest absolute difference |a - b| over all elements."
        )) { try $0.maxDiffBuiltin($1, relative: false) },
        .function(Signature(
            name: "max_rel_diff", family: .tensors,
            parameters: [
                .positional("a", .tensor, doc: "a tensor"),
                .positional("b", .tensor, doc: "the reference, of the same shape"),
            ],
            result: .float,
            doc: "The largest absolute difference divided by the largest |b| (0 when both are all zero), "
                + "so elements near zero do not blow it up."
        )) { try $0.maxDiffBuiltin($1, relative: true) },
    ]

    /// Members of `Tensor` and `Tensors`.
    static let tensorMembers: [Builtin] = [
        .property(Signature(name: "shape", receiver: "Tensor", family: .members, parameters: nil, result: .list(.int),
                            doc: "The size of each dimension, outermost first.")) { _, v, _ in
            .list(try tensorReceiver(v).shape.map(Value.int))
        },
        .property(Signature(name: "size", receiver: "Tensor", family: .members, parameters: nil, result: .int,
                            doc: "The number of elements.")) { _, v, _ in
            .int(try tensorReceiver(v).count)
        },
        .property(Signature(name: "item", receiver: "Tensor", family: .members, parameters: nil, result: .float,
                            doc: "The number in a one-element tensor.")) { _, v, place in
            let t = try tensorReceiver(v)
            guard t.count == 1 else {
                throw RuntimeError("'item' needs a tensor with one element, got shape \(t.shape) (\(t.count) elements)",
                                   at: place)
            }
            return .float(Double(t.scalars[0]))
        },
        .property(Signature(name: "names", receiver: "Tensors", family: .members, parameters: nil, result: .list(.string),
                            doc: "The tensors' names, sorted.")) { _, v, _ in
            .list(try tensorsReceiver(v).names.map(Value.string))
        },
        .property(Signature(name: "count", receiver: "Tensors", family: .members, parameters: nil, result: .int,
                            doc: "The number of tensors.")) { _, v, _ in
            .int(try tensorsReceiver(v).tensors.count)
        },
    ]
}

extension BuiltinLibrary {
    /// The outcome of `predict` on a Tensor input (a Tensor, from a Regressor only), or nil for other inputs.
    static func tensorPrediction(_ facts: CallFacts) -> CallOutcome? {
        guard facts.type("input") == .tensor else { return nil }
        if case .model(let m)? = facts.type("model"), let kind = m.kind, kind != .regressor {
            let problem = BuiltinMessage.wrongModelKind(needs: "predict on a Tensor needs a Regressor", kind: kind.rawValue)
            return CallOutcome(.tensor, problems: [CallProblem(problem, at: "model")])
        }
        return CallOutcome(.tensor)
    }
}

extension BuiltinLibrary {
    /// The receiver of a `Tensor` member, which the catalog routes here only for tensors.
    private static func tensorReceiver(_ v: Value) throws -> Tensor {
        guard case .tensor(let t) = v else { preconditionFailure("interpreter: Tensor member got \(v.type)") }
        return t
    }

    /// The receiver of a `Tensors` member, which the catalog routes here only for tensor collections.
    private static func tensorsReceiver(_ v: Value) throws -> TensorsValue {
        guard case .tensors(let t) = v else { preconditionFailure("interpreter: Tensors member got \(v.type)") }
        return t
    }
}
