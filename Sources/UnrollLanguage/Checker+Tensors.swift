extension Checker {
    /// Why a Tensor cannot be indexed, and what to write instead.
    public static let tensorIndexMessage =
        "a Tensor cannot be indexed; look tensors up by name in Tensors (from load_tensors or state_dict), such as t[\"x\"]"

    /// `tensors["name"]`: a Tensor, looked up by a string (which names exist is known only when the file is read).
    func typeOfTensorLookup(_ container: Typed, _ position: Typed, base: Expr, at index: Expr) -> Typed {
        if container.type == .tensor {
            error(Self.tensorIndexMessage, at: base)
            return .unknown
        }
        if !position.type.isAssignable(to: .string) {
            error("tensors are looked up by name, such as t[\"x\"], got \(position.type)", at: index)
            return .unknown
        }
        return Typed(.tensor)
    }
}
