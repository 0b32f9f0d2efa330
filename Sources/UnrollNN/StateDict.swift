import Foundation
import UnrollAutograd
import UnrollTensor

/// A state dict that does not fit a model, described by a lower-case message naming the keys and shapes.
public struct StateDictError: Error, Equatable, CustomStringConvertible {
    /// What did not fit, e.g. `shape mismatch for 'rnn.weight_ih_l0': the state dict has [24, 3], the model expects [24, 4]`.
    public let message: String

    /// An error with the given message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

/// What a load did: the keys it set, and in non-strict mode the keys it could not match.
public struct StateDictLoadReport: Equatable {
    /// The keys whose values were loaded into the model, sorted.
    public var loaded: [String]
    /// Model parameters the state dict lacks (always empty after a strict load), sorted.
    public var missing: [String]
    /// State-dict keys under the prefix that name no parameter (always empty after a strict load), sorted.
    public var unexpected: [String]
}

/// Saving and loading a model's parameters under their PyTorch `state_dict` names, as safetensors.
///
/// A `prefix` names the model inside a larger one, PyTorch style: with prefix `rnn`, the parameter
/// `weight_ih_l0` is the key `rnn.weight_ih_l0`. When loading with a prefix, keys outside it belong to other
/// modules and are ignored; `strict` concerns only the keys under it.
public enum StateDict {
    /// The key of a parameter `name` under `prefix` (`prefix.name`, or `name` when the prefix is empty).
    public static func key(_ name: String, prefix: String) -> String {
        prefix.isEmpty ? name : prefix + "." + name
    }

    /// The model's parameter values by key.
    public static func tensors(of model: Parameterized, prefix: String = "") -> [String: Tensor] {
        var out: [String: Tensor] = [:]
        for (name, variable) in model.namedParameters {
            let k = key(name, prefix: prefix)
            precondition(out[k] == nil, "state dict: the model names two parameters '\(k)'")
            out[k] = variable.value
        }
        return out
    }

    /// Writes the model's parameters to a safetensors file at `url` (F32, sorted keys, atomic replace).
    public static func save(_ model: Parameterized, to url: URL, prefix: String = "",
                            metadata: [String: String] = ["format": "pt"]) throws {
        try Safetensors.write(tensors: tensors(of: model, prefix: prefix), metadata: metadata, to: url)
    }

    /// Reads the safetensors file at `url` and loads it into `model` (see `load(_:into:prefix:strict:)`).
    @discardableResult
    public static func load(contentsOf url: URL, into model: Parameterized, prefix: String = "",
                            strict: Bool = true) throws -> StateDictLoadReport {
        let file = try Safetensors(contentsOf: url)
        return try load(file.tensors.mapValues(\.values), into: model, prefix: prefix, strict: strict)
    }

    /// Sets the model's parameters from `tensors` by key.
    ///
    /// Every shape must match exactly. In strict mode every parameter must have a key and every key under the
    /// prefix must name a parameter. Nothing is changed unless the whole load succeeds.
    @discardableResult
    public static func load(_ tensors: [String: Tensor], into model: Parameterized, prefix: String = "",
                            strict: Bool = true) throws -> StateDictLoadReport {
        let parameters = model.namedParameters.map { (key: key($0.name, prefix: prefix), variable: $0.variable) }
        var known = Set<String>()
        for p in parameters {
            precondition(known.insert(p.key).inserted, "state dict: the model names two parameters '\(p.key)'")
        }
        let scope = prefix.isEmpty ? "" : prefix + "."
        let unexpected = tensors.keys.filter { $0.hasPrefix(scope) && !known.contains($0) }.sorted(by: Safetensors.byteOrder)
        let missing = parameters.map(\.key).filter { tensors[$0] == nil }.sorted(by: Safetensors.byteOrder)

        var problems: [String] = []
        for p in parameters {
            guard let t = tensors[p.key], t.shape != p.variable.shape else { continue }
            problems.append("shape mismatch for '\(p.key)': the state dict has \(t.shape), "
                            + "the model expects \(p.variable.shape)")
        }
        if strict {
            if !missing.isEmpty { problems.append(describe("missing", missing)) }
            if !unexpected.isEmpty { problems.append(describe("unexpected", unexpected)) }
        }
        if !problems.isEmpty { throw StateDictError(problems.joined(separator: "; ")) }

        var loaded: [String] = []
        for p in parameters {
            guard let t = tensors[p.key] else { continue }
            p.variable.value = t
            loaded.append(p.key)
        }
        return StateDictLoadReport(loaded: loaded.sorted(by: Safetensors.byteOrder), missing: missing, unexpected: unexpected)
    }

    /// `missing key 'a' in the state dict`, or `missing keys 'a', 'b' in the state dict`.
    private static func describe(_ what: String, _ keys: [String]) -> String {
        let list = keys.map { "'\($0)'" }.joined(separator: ", ")
        return "\(what) key\(keys.count == 1 ? "" : "s") \(list) in the state dict"
    }
}
