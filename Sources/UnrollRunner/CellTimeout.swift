/// Thrown from the interpreter's checkpoint when a cell runs past its time limit.
struct CellTimeout: Error {
    /// The limit in seconds.
    var seconds: Double
}
