import UnrollRecord

/// Pairs the `show-N` outputs of a baseline written before `show` outputs were named by what they show with this
/// run's outputs under the new names: each `show-N`, in order, with the first output of the same kind that the
/// baseline lacks and that is not named `show-…`, so that `check` and `diff` can say the output was renamed, not
/// lost.
public struct RenamedOutputs: Sendable {
    /// The new name of each renamed baseline output, by its old name.
    public private(set) var newName: [String: String] = [:]
    /// The run's outputs that took an old name's place.
    public private(set) var newNames: Set<String> = []

    /// The renames between the baseline's cell `baseline` and this run's cell `run`.
    public init(baseline: CellRecord, run: CellRecord) {
        let candidates = run.outputs.filter { baseline.output(named: $0.name) == nil && !Self.isOldName($0.name) }
        for old in baseline.outputs where Self.isOldName(old.name) && run.output(named: old.name) == nil {
            guard let match = candidates.first(where: {
                $0.content.kind == old.content.kind && !newNames.contains($0.name)
            }) else { continue }
            newName[old.name] = match.name
            newNames.insert(match.name)
        }
    }

    /// Whether `name` is a `show` output's name from before the renaming: `show-` and a number.
    public static func isOldName(_ name: String) -> Bool {
        guard name.hasPrefix("show-") else { return false }
        let number = name.dropFirst(5)
        return !number.isEmpty && number.allSatisfy(\.isNumber)
    }
}
