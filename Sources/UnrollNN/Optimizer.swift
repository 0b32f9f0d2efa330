import UnrollAutograd
import UnrollTensor

/// A gradient-descent rule that updates a fixed list of parameters in place from their gradients.
///
/// Each `step()` reads every parameter's `grad` and changes its `value` in place; parameters whose gradient is
/// nil are skipped and their per-parameter state (momentum, step count, …) does not advance. The learning rate
/// may be changed between steps (schedules do this).
public protocol Optimizer: AnyObject {
    /// The parameters updated, in a fixed order.
    var parameters: [Variable] { get }
    /// The step size used by the next `step()`.
    var learningRate: Float { get set }
    /// Updates every parameter that has a gradient.
    func step()
    /// Clears every parameter's gradient.
    func zeroGrad()
}

extension Optimizer {
    /// Clears every parameter's gradient.
    public func zeroGrad() {
        for p in parameters { p.zeroGrad() }
    }
}

/// An optimizer option outside its valid range, described by a lower-case message naming the option.
public struct OptimizerError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. `invalid learning rate -0.1; it must be a finite number ≥ 0`.
    public let message: String

    /// An error with the given message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }

    /// Throws unless `value` is finite and at least `minimum` (and below `limit` when one is given).
    static func check(_ option: String, _ value: Float, atLeast minimum: Float, below limit: Float? = nil) throws {
        let range = limit.map { "in [\(minimum), \($0))" } ?? "≥ \(minimum)"
        guard value.isFinite, value >= minimum, limit.map({ value < $0 }) ?? true else {
            throw OptimizerError("invalid \(option) \(value); it must be a finite number \(range)")
        }
    }

    /// Throws if the same parameter appears twice (it would be updated twice per step).
    static func checkDistinct(_ parameters: [Variable]) throws {
        var seen = Set<ObjectIdentifier>()
        for (i, p) in parameters.enumerated() where !seen.insert(ObjectIdentifier(p)).inserted {
            throw OptimizerError("parameter \(i) (shape \(p.shape)) appears more than once in the optimizer's list")
        }
    }
}

extension Variable {
    /// The gradient to apply in an optimizer step, or nil when there is none; checks it fits the value.
    var gradientForStep: Tensor? {
        guard let g = grad else { return nil }
        precondition(g.count == value.count,
                     "optimizer: gradient of shape \(g.shape) for a parameter of shape \(value.shape)")
        return g
    }
}
