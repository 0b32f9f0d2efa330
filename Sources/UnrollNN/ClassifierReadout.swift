import UnrollAutograd

/// What a classifier's output layer reads from the last recurrent layer.
public enum ClassifierReadout: String, CaseIterable, Sendable {
    /// The final hidden state of each direction, joined (for the reverse direction, its state after the first step).
    case last
    /// The mean of the outputs over each sequence's own length.
    case mean
    /// The element-wise maximum of the outputs over each sequence's own length.
    case max

    /// The features `(N, D·H)` this readout takes from a stack's `output` `(N, T, D·H)` and final `state`.
    public func features(of layer: RecurrentLayer, output: Variable, state: RecurrentLayer.State,
                         lengths: [Int]) -> Variable {
        switch self {
        case .last: return layer.summary(of: state, batch: lengths.count)
        case .mean: return output.meanOverTime(lengths: lengths)
        case .max: return output.maxOverTime(lengths: lengths)
        }
    }
}
