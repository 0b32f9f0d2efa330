/// The normalised root-mean-square error of predictions, the usual score of echo state networks.
public enum NormalizedError {
    /// `√(mean (y − ŷ)² / var y)` over all values: 0 is perfect, 1 is no better than predicting the mean. Nil when the
    /// targets do not vary (or there are none).
    public static func nrmse(predictions: [Double], targets: [Double]) -> Double? {
        nrmse(predictions: predictions, targets: targets, reference: targets)
    }

    /// `√(mean (y − ŷ)² / var r)`: the error normalised by the (population) variance of a reference signal `r`, such
    /// as the whole series a short free run is taken from. Sums run in Double in index order. Nil when `r` does not
    /// vary or there is nothing to score.
    public static func nrmse(predictions: [Double], targets: [Double], reference: [Double]) -> Double? {
        precondition(predictions.count == targets.count, "nrmse: \(predictions.count) predictions for \(targets.count) targets")
        guard !targets.isEmpty, !reference.isEmpty else { return nil }
        var mean = 0.0
        for r in reference { mean += r }
        mean /= Double(reference.count)
        var spread = 0.0
        for r in reference { spread += (r - mean) * (r - mean) }
        var error = 0.0
        for (p, y) in zip(predictions, targets) { error += (y - p) * (y - p) }
        guard spread > 0 else { return nil }
        return ((error / Double(targets.count)) / (spread / Double(reference.count))).squareRoot()
    }
}
