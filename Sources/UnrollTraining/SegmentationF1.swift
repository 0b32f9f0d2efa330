/// Word-level precision, recall and F1 of BMES word segmentation (B begins a word, M continues it, E ends it, S is
/// a one-character word): a predicted word counts as right when a true word has the same start and end.
///
/// The tags are read as conlleval reads `B I E S` of one type (M is `I`), so an invalid sequence is still a
/// segmentation: a word also starts at an M or E after E or S (`E E` is two words) and ends before B or S.
public enum SegmentationF1 {
    /// The words of one sentence's BMES tags as `[start, end]` spans.
    public static func words(_ tags: [String]) -> [EntityF1.Chunk] {
        EntityF1.chunks(tags.map(chunkTag))
    }

    /// Word-level counts of `predicted` against `gold`, sentence by sentence.
    public static func scores(gold: [[String]], predicted: [[String]]) -> PrecisionRecall {
        let scores = EntityF1.scores(gold: gold.map { $0.map(chunkTag) }, predicted: predicted.map { $0.map(chunkTag) })
        return scores.micro
    }

    /// The tag as conlleval reads it: M is I, and every tag is of the one type `word`; a tag other than B M E S
    /// (upper or lower case) counts as S, a word of its own.
    private static func chunkTag(_ tag: String) -> String {
        switch tag.uppercased() {
        case "B": return "B-word"
        case "M", "I": return "I-word"
        case "E": return "E-word"
        default: return "S-word"
        }
    }
}
