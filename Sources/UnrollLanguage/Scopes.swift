import UnrollDiagnostics

/// What the checker knows about a name: its type, its value when known, and where it was defined.
struct Symbol {
    /// The static type.
    var type: ValueType
    /// The value, when known before running.
    var constant: ConstantValue?
    /// Where it was first assigned.
    var location: SourceLocation
}

/// The nested scopes of the checker: the notebook's shared top level, then one scope per `for` or `if` body.
///
/// A name first assigned inside a body is local to that body; assigning a name that already exists in an
/// enclosing scope updates that name. Since a body may run zero or more times, such an update widens the
/// name's type to cover both values and forgets its constant.
struct Scopes {
    private var stack: [[String: Symbol]] = [[:]]

    /// The symbol `name` refers to here, if any.
    func lookup(_ name: String) -> Symbol? {
        for scope in stack.reversed() {
            if let symbol = scope[name] { return symbol }
        }
        return nil
    }

    /// Every name visible here, sorted.
    var visibleNames: [String] {
        Array(Set(stack.flatMap(\.keys))).sorted()
    }

    /// The top-level names and their types.
    var globals: [String: ValueType] { stack[0].mapValues(\.type) }

    /// Enters a `for` or `if` body.
    mutating func push() { stack.append([:]) }

    /// Leaves the innermost body, forgetting its local names.
    mutating func pop() {
        precondition(stack.count > 1, "scopes: pop with \(stack.count) scope(s) left")
        stack.removeLast()
    }

    /// Defines `name` in the innermost scope, shadowing nothing (loop variables).
    mutating func defineLocal(_ name: String, _ symbol: Symbol) {
        stack[stack.count - 1][name] = symbol
    }

    /// Assigns `name`: updates it where it is defined (widening it when that is an enclosing scope of a
    /// body), or defines it in the innermost scope.
    mutating func assign(_ name: String, type: ValueType, constant: ConstantValue?, at location: SourceLocation) {
        let innermost = stack.count - 1
        for level in stride(from: innermost, through: 0, by: -1) {
            guard var symbol = stack[level][name] else { continue }
            if level == innermost {
                symbol.type = type
                symbol.constant = constant
            } else {
                symbol.type = symbol.type.joined(with: type)
                symbol.constant = symbol.constant == constant ? constant : nil
            }
            stack[level][name] = symbol
            return
        }
        stack[innermost][name] = Symbol(type: type, constant: constant, location: location)
    }
}
