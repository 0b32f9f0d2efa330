import UnrollTraining

extension LearningRateSchedule {
    /// The call that builds it: `Step(every: 5, factor: 0.5)`.
    var summary: String {
        switch kind {
        case .step(let every, let factor):
            return "Step(every: \(every), factor: \(NumberText.format(factor)))"
        case .cosine(let minimum, let period):
            return "Cosine(min_lr: \(NumberText.format(minimum))" + (period.map { ", period: \($0)" } ?? "") + ")"
        case .plateau(let patience, let factor, let minimum):
            return "Plateau(patience: \(patience), factor: \(NumberText.format(factor)), min_lr: \(NumberText.format(minimum)))"
        }
    }
}
