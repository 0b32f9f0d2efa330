/// The names a running notebook has defined: the shared top level, then one scope per running `for` or `if`
/// body.
///
/// Assigning a name that exists in an enclosing scope updates it there; otherwise the name is defined in the
/// innermost scope and is forgotten when its body ends, as the language's scoping rules say.
struct Environment {
    private var scopes: [[String: Value]] = [[:]]

    /// The value `name` refers to here, if any.
    func lookup(_ name: String) -> Value? {
        for scope in scopes.reversed() {
            if let value = scope[name] { return value }
        }
        return nil
    }

    /// Every name visible here, sorted (for suggestions).
    var visibleNames: [String] { Array(Set(scopes.flatMap(\.keys))).sorted() }

    /// Binds `name`: where it is already defined, or in the innermost scope.
    mutating func assign(_ name: String, _ value: Value) {
        for level in scopes.indices.reversed() where scopes[level][name] != nil {
            scopes[level][name] = value
            return
        }
        scopes[scopes.count - 1][name] = value
    }

    /// Defines `name` in the innermost scope (a loop variable), hiding any outer one.
    mutating func defineLocal(_ name: String, _ value: Value) {
        scopes[scopes.count - 1][name] = value
    }

    /// Enters a `for` or `if` body.
    mutating func push() { scopes.append([:]) }

    /// Leaves the innermost body, forgetting the names it defined.
    mutating func pop() {
        precondition(scopes.count > 1, "environment: pop with \(scopes.count) scope(s) left")
        scopes.removeLast()
    }
}
