extension LineStyle {
    /// Dash patterns of the lines within one group, solid first (a model's train curve solid, valid dashed).
    private static let groupDashes: [String?] = [nil, "6 4", "2 3", "10 3 2 3"]

    /// The default styles of lines with these groups, in legend order. Groups (a line without one is a group of
    /// its own) take colours in the order they first appear; a group of one line is drawn as `at(k)` for its
    /// group's number `k`, and the lines of a larger group share its colour and differ by dash.
    public static func grouped(_ groups: [String?]) -> [LineStyle] {
        var order: [String: Int] = [:], members: [String: Int] = [:]
        var number = 0
        var keys: [String] = []
        for (index, group) in groups.enumerated() {
            let key = group.map { "g:" + $0 } ?? "line:\(index)"
            keys.append(key)
            if order[key] == nil {
                order[key] = number
                number += 1
            }
            members[key, default: 0] += 1
        }
        var seen: [String: Int] = [:]
        return keys.map { key in
            let colourIndex = order[key]!
            let position = seen[key, default: 0]
            seen[key] = position + 1
            guard members[key]! > 1 else { return at(colourIndex) }
            return LineStyle(color: at(colourIndex).color, dashArray: groupDashes[position % groupDashes.count])
        }
    }
}
