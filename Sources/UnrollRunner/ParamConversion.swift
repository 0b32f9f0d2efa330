import UnrollLanguage
import UnrollNotebook
import UnrollRecord

/// Converts front-matter parameter values into the forms the checker and the run record use.
enum ParamConversion {
    /// The value as the language's constant.
    static func constant(_ value: UnrollNotebook.ParamValue) -> ConstantValue {
        switch value {
        case .int(let i): return .int(i)
        case .double(let x): return .float(x)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .list(let items): return .list(items.map(constant))
        }
    }

    /// The value as the run record stores it.
    static func record(_ value: UnrollNotebook.ParamValue) -> UnrollRecord.ParamValue {
        switch value {
        case .int(let i): return .integer(i)
        case .double(let x): return .number(x)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .list(let items): return .list(items.map(record))
        }
    }

    /// The check mode as the run record stores it.
    static func record(_ mode: UnrollNotebook.CheckMode) -> UnrollRecord.CheckMode {
        switch mode {
        case .exact: return .exact
        case .loose: return .loose
        case .ignore: return .ignore
        }
    }
}
