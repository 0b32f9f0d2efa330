import UnrollInterpreter
import UnrollLanguage

extension Builtins {
    /// The catalog the language ships with, which the interpreter's builtin library makes.
    static var standard: Builtins { BuiltinLibrary.standard.catalog }
}
