/// The element types this library reads from safetensors files (others are reported as unsupported).
public enum SafetensorsDType: String, CaseIterable, Sendable {
    /// 32-bit IEEE float.
    case f32 = "F32"
    /// 64-bit IEEE float (converted to `Float` on reading).
    case f64 = "F64"
    /// 16-bit IEEE half (converted exactly to `Float`).
    case f16 = "F16"
    /// bfloat16, the upper half of a `Float` (converted exactly).
    case bf16 = "BF16"
    /// 64-bit signed integer (kept as `[Int]`, and converted to `Float`).
    case i64 = "I64"
    /// 32-bit signed integer (kept as `[Int]`, and converted to `Float`).
    case i32 = "I32"

    /// The size of one element in bytes.
    public var byteCount: Int {
        switch self {
        case .f64, .i64: return 8
        case .f32, .i32: return 4
        case .f16, .bf16: return 2
        }
    }

    /// Whether the elements are integers.
    public var isInteger: Bool { self == .i64 || self == .i32 }

    /// Data types of the safetensors format that this library does not read.
    static let unsupported: Set<String> = [
        "BOOL", "U8", "I8", "U16", "I16", "U32", "U64", "F8_E4M3", "F8_E5M2", "F8_E8M0", "F6_E2M3", "F6_E3M2",
        "F4", "C64",
    ]
}
