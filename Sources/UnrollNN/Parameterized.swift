import UnrollAutograd

/// A layer or model that owns trainable parameters, each under its PyTorch `state_dict` name.
public protocol Parameterized: AnyObject {
    /// The parameters in a stable order, named as PyTorch names them (`weight_ih_l0`, `bias`, …).
    var namedParameters: [(name: String, variable: Variable)] { get }
}

extension Parameterized {
    /// The parameters without names, in the same order.
    public var parameters: [Variable] { namedParameters.map(\.variable) }

    /// The total number of scalar parameters.
    public var parameterCount: Int { namedParameters.reduce(0) { $0 + $1.variable.value.count } }

    /// Clears every parameter's gradient.
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }
}

/// Prefixes every name of `child`'s parameters with `prefix.` (PyTorch's nested-module naming).
public func prefixed(_ prefix: String, _ child: Parameterized) -> [(name: String, variable: Variable)] {
    child.namedParameters.map { (prefix + "." + $0.name, $0.variable) }
}
