import UnrollAutograd

/// The outcome of a batch scored token by token: cross-entropy over the rows whose target is not padding
/// (−1), with the count of those rows and of the ones whose largest logit is the target.
func tokenCrossEntropy(_ logits: Variable, targets: [Int]) -> BatchOutcome {
    let predicted = logits.value.argmaxRows()
    var correct = 0, count = 0
    for (p, t) in zip(predicted, targets) where t >= 0 {
        count += 1
        if p == t { correct += 1 }
    }
    return BatchOutcome(loss: logits.crossEntropy(targets: targets), count: count, correct: correct)
}
