/// The static type of an expression and its value when known before running.
struct Typed {
    var type: ValueType
    var constant: ConstantValue?

    init(_ type: ValueType, _ constant: ConstantValue? = nil) {
        self.type = type
        self.constant = constant
    }

    static let unknown = Typed(.unknown)

    init(constant: ConstantValue) {
        self.type = constant.type
        self.constant = constant
    }
}
