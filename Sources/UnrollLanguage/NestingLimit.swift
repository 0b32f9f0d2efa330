/// How deep a cell's syntax tree may be, so that every recursive walk over it fits in a thread's stack.
///
/// The parser refuses deeper input with a located error; the checker and the interpreter refuse deeper
/// trees built some other way. Brackets, blocks, prefix operators and the links of a chain (`a + b + …`,
/// `a.b.c`, `else if`) each add one level. Real notebooks stay below 20; at 256 the deepest walk (the
/// interpreter evaluating a call argument inside a block) uses well under 1 MB of an 8 MB stack.
public enum NestingLimit {
    /// The deepest tree of expressions and statements a cell may have.
    public static let depth = 128
}
