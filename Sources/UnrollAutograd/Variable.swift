import UnrollTensor

/// A node of the autodiff tape: a tensor value, its accumulated gradient, and how to pass gradients back.
///
/// Leaves are made with `Variable(_:requiresGrad:)`; every differentiable op returns a new node that remembers
/// its inputs and a backward closure. Gradients accumulate, so a value used twice receives both contributions.
public final class Variable {
    /// The forward value.
    public var value: Tensor
    /// The gradient of the loss with respect to `value`, once `backward()` has reached this node.
    public var grad: Tensor?
    /// Whether gradients flow to this node.
    public let requiresGrad: Bool
    /// Whether an op node keeps its gradient after `backward()` (PyTorch's `retain_grad()`), so that the
    /// gradient with respect to an intermediate value can be read; leaves always keep theirs.
    public var retainsGrad = false
    /// The nodes this one was computed from (empty for leaves).
    public private(set) var inputs: [Variable]
    /// Given this node's gradient, adds the gradients of `inputs` (nil for leaves).
    private(set) var backwardFunction: ((Tensor) -> Void)?

    /// A leaf holding `value`; parameters pass `requiresGrad: true`.
    public init(_ value: Tensor, requiresGrad: Bool = false) {
        self.value = value
        self.requiresGrad = requiresGrad
        self.inputs = []
        self.backwardFunction = nil
    }

    /// An op's result. If no input requires a gradient, the backward closure is dropped (nothing is recorded).
    public init(value: Tensor, inputs: [Variable], backward: @escaping (Tensor) -> Void) {
        self.value = value
        let needed = GradientMode.isRecording && inputs.contains { $0.requiresGrad }
        self.requiresGrad = needed
        self.inputs = needed ? inputs : []
        self.backwardFunction = needed ? backward : nil
    }

    /// Releases the tape below this node iteratively, so dropping an unrolled graph of 10,000 steps that was
    /// never back-propagated does not recurse once per step.
    deinit {
        guard !inputs.isEmpty else { return }
        var pending = inputs
        inputs = []
        backwardFunction = nil
        while var node = pending.popLast() {
            if isKnownUniquelyReferenced(&node) {
                pending.append(contentsOf: node.inputs)
                node.inputs = []
                node.backwardFunction = nil
            }
        }
    }

    /// The shape of `value`.
    public var shape: [Int] { value.shape }

    /// Whether this node is a leaf (not computed by a recorded op).
    public var isLeaf: Bool { backwardFunction == nil }

    /// Adds `g` to this node's gradient (no-op when it needs none).
    public func accumulateGrad(_ g: Tensor) {
        guard requiresGrad else { return }
        precondition(g.count == value.count, "gradient of shape \(g.shape) for a value of shape \(value.shape)")
        if grad == nil {
            grad = g.shape == value.shape ? g : g.reshaped(value.shape)
        } else {
            grad!.add(g)
        }
    }

    /// Adds `g` into the elements `offset ..< offset + g.count` of this node's (flattened) gradient.
    public func accumulateGrad(_ g: Tensor, atFlatOffset offset: Int) {
        guard requiresGrad else { return }
        precondition(offset >= 0 && offset + g.count <= value.count,
                     "gradient slice \(offset)..<\(offset + g.count) outside a value of \(value.count) elements")
        if grad == nil { grad = Tensor(zeros: value.shape) }
        let src = g.storage.base
        grad!.withUnsafeMutableBufferPointer { d in
            for i in 0..<g.count { d[offset + i] += src[i] }
        }
    }

    /// A leaf with the same value that blocks gradients (used to carry state across truncated-BPTT windows).
    public func detached() -> Variable { Variable(value) }

    /// Clears the accumulated gradient.
    public func zeroGrad() { grad = nil }

    /// Back-propagates from this node: seeds its gradient (ones by default) and runs every recorded backward
    /// closure in reverse topological order. Intermediate gradients are released after use unless `retainsGrad`;
    /// leaves keep theirs.
    /// The graph is consumed: each op node forgets its inputs once its closure ran, so the tape is freed
    /// node by node rather than by a deep chain of releases.
    public func backward(seed: Tensor? = nil) {
        guard requiresGrad else { return }
        accumulateGrad(seed ?? Tensor(shape: value.shape, repeating: 1))
        let order = topologicalOrder()
        for node in order.reversed() {
            guard let fn = node.backwardFunction else { continue }
            if let g = node.grad { fn(g) }
            if !node.retainsGrad { node.grad = nil }
            node.backwardFunction = nil
            node.inputs = []
        }
    }

    /// Every node reachable from this one that requires a gradient, inputs before the nodes using them.
    /// Iterative depth-first search, so a graph thousands of steps deep does not overflow the stack.
    public func topologicalOrder() -> [Variable] {
        var order: [Variable] = []
        var visited = Set<ObjectIdentifier>()
        var stack: [(node: Variable, next: Int)] = [(self, 0)]
        visited.insert(ObjectIdentifier(self))
        while !stack.isEmpty {
            let (node, next) = stack[stack.count - 1]
            if next < node.inputs.count {
                stack[stack.count - 1].next += 1
                let child = node.inputs[next]
                if child.requiresGrad, visited.insert(ObjectIdentifier(child)).inserted {
                    stack.append((child, 0))
                }
            } else {
                order.append(node)
                stack.removeLast()
            }
        }
        return order
    }
}
