import UnrollTensor

/// Tensors by name, as a safetensors file or a model's `state_dict` holds them, with where they came from.
struct TensorsValue {
    /// The tensors by name.
    let tensors: [String: Tensor]
    /// Where they came from, for messages: the file as the notebook named it, or `state_dict(m)`.
    let source: String

    /// Tensors from `source`.
    init(_ tensors: [String: Tensor], source: String) {
        self.tensors = tensors
        self.source = source
    }

    /// The names sorted by their UTF-8 bytes (the order safetensors files use).
    var names: [String] { tensors.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }

    /// A short description: `Tensors(x: [4, 5, 3], y: [4, 2])`, at most eight names.
    var summary: String {
        let shown = names.prefix(8).map { "\($0): \(tensors[$0]!.shape)" }
        let more = tensors.count > 8 ? ", … \(tensors.count - 8) more" : ""
        return "Tensors(" + shown.joined(separator: ", ") + more + ")"
    }
}
