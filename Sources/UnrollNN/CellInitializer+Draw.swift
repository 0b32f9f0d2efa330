import UnrollTensor

extension CellInitializer {
    /// A fresh value of `shape` for a cell of `hidden` units, drawn from `rng` in row-major order (orthogonal and
    /// identity: one square block after another, as `init:` treats a built-in cell's gate blocks).
    func draw(_ shape: [Int], hidden: Int, rng: inout RandomGenerator) -> Tensor {
        switch self {
        case .uniform:
            let bound = 1 / Float(hidden).squareRoot()
            return .uniform(shape, low: -bound, high: bound, using: &rng)
        case .zeros:
            return Tensor(zeros: shape)
        case .constant(let value):
            return Tensor(shape: shape, repeating: value)
        case .normal(let std):
            return .normal(shape, std: std, using: &rng)
        case .orthogonal, .identity:
            let rows = shape[0], cols = shape[1]
            var scalars: [Float] = []
            scalars.reserveCapacity(rows * cols)
            for _ in 0..<(rows / cols) {
                if self == .orthogonal {
                    scalars += OrthogonalMatrix.random(cols, rng: &rng).map { Float($0) }
                } else {
                    for i in 0..<cols { for j in 0..<cols { scalars.append(i == j ? 1 : 0) } }
                }
            }
            return Tensor(shape: shape, scalars: scalars)
        }
    }
}
