extension Checker {
    /// `tensors["name"]`: a Tensor, looked up by a string (which names exist is known only when the file is read).
    func typeOfTensorLookup(_ position: Typed, at index: Expr) -> Typed {
        if !position.type.isAssignable(to: .string) {
            error("tensors are looked up by name, such as t[\"x\"], got \(position.type)", at: index)
            return .unknown
        }
        return Typed(.tensor)
    }
}
