/// The named numbers the language knows without a definition (`pi`); a variable of the same name hides one.
public enum MathConstant {
    /// Each constant's name and value.
    public static let values: [String: Double] = ["pi": Double.pi]

    /// The value of the constant `name`, or nil when there is none.
    public static func value(named name: String) -> Double? { values[name] }
}
