extension Checker {
    /// Why a Tensor cannot be indexed, and what to write instead.

    /// `tensors["name"]`: a Tensor, looked up by a string (which names exist is known only when the file is read).
    func typeOfTensorLookup(_ container: Typed, _ position: Typed, base: Expr, at index: Expr) -> Typed {
        if container.type == .tensor {
            report(ExpressionMessage.tensorIndexed, at: base)
            return .unknown
        }
        if !position.type.isAssignable(to: .string) {
            report(ExpressionMessage.tensorKeyNotString(got: position.type), at: index)
            return .unknown
        }
        return Typed(.tensor)
    }
}
