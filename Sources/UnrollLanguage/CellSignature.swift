/// The constructor of a declared cell: `Elman(hidden: 32, layers: 2, bidirectional: true)`, one labelled size per
/// name in the cell's header, then the stacking options every recurrent layer takes.
public enum CellSignature {
    /// The signature of the constructor of the cell `name` whose header lists `sizes`.
    public static func make(name: String, sizes: [String]) -> Signature {
        var seen: Set<String> = []
        let sizeParameters = sizes.filter { seen.insert($0).inserted }.map { size in
            Parameter.labelled(size, .int, .required, .positive,
                               doc: size == "hidden" ? "hidden units per layer and direction" : "the cell's size '\(size)'")
        }
        return Signature(
            name: name, family: .layers,
            parameters: sizeParameters + [
                .labelled("layers", .int, .value(.int(1)), .positive, doc: "stacked layers"),
                .labelled("bidirectional", .bool, .value(.bool(false)), doc: "also run right to left and concatenate"),
                .labelled("dropout", .float, .value(.float(0)), .probability, doc: "dropout between stacked layers"),
            ],
            result: .recurrent(nil),
            doc: "The recurrent cell '\(name)' declared in the notebook."
        )
    }

    /// A call of the constructor with its required sizes, for messages: `Elman(hidden: 32)`.
    public static func example(_ signature: Signature) -> String {
        let required = (signature.parameters ?? []).filter(\.isRequired).map { "\($0.name): 32" }
        return "\(signature.name)(\(required.joined(separator: ", ")))"
    }
}
