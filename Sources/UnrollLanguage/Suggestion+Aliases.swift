import UnrollDiagnostics

extension Suggestion {
    /// Names that users of scikit-learn, Keras, PyTorch or jieba reach for, and the builtin or option Unroll has instead,
    /// for a did-you-mean when no name is close in spelling.
    static let aliases: [String: String] = [
        "confusion_matrix": "confusion",
        "f1_score": "classification_report", "precision_score": "classification_report",
        "recall_score": "classification_report", "precision": "classification_report", "recall": "classification_report",
        "early_stopping": "patience", "earlystopping": "patience",
        "restore_best_weights": "keep_best", "restore_best": "keep_best",
        "lr_scheduler": "schedule", "scheduler": "schedule",
        "steplr": "Step", "cosineannealinglr": "Cosine", "reducelronplateau": "Plateau",
        "cut": "segment", "lcut": "segment", "sep": "separator", "delimiter": "separator",
    ]

    /// The candidate closest to `word` in spelling, or else the one `aliases` gives for it when it is a candidate.
    public static func closestOrAlias(to word: String, in candidates: [String]) -> String? {
        if let close = closest(to: word, in: candidates) { return close }
        guard let alias = aliases[word.lowercased()], candidates.contains(alias) else { return nil }
        return alias
    }
}
