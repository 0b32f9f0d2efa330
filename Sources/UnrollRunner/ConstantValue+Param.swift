import UnrollLanguage
import UnrollSettings

extension ConstantValue {
    /// A front-matter parameter's value as the checker and the interpreter read it (`params.NAME`).
    init(_ value: ParamValue) {
        switch value {
        case .int(let i): self = .int(i)
        case .double(let x): self = .float(x)
        case .string(let s): self = .string(s)
        case .bool(let b): self = .bool(b)
        case .list(let items): self = .list(items.map(ConstantValue.init))
        }
    }
}
