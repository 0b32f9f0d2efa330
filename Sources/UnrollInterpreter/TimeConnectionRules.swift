import UnrollLanguage

/// The checks on `LeakyRNN(alpha:, learned:)` and `RNN(skip:, skip_only:)`, written once for the checker (on
/// constants) and the interpreter (on values).
enum TimeConnectionRules {
    /// What is wrong with the leak rates `values` of a layer of `hidden` units (nil when unknown), if anything.
    static func alphaProblem(_ values: [Double], learned: Bool, hidden: Int?) -> TimeConnectionMessage? {
        if values.isEmpty { return .emptyAlpha }
        if let bad = values.first(where: { !($0 > 0 && $0 <= 1) }) { return .alphaOutOfRange(value: NumberText.format(bad)) }
        if learned, let one = values.first(where: { $0 == 1 }) { return .learnedAlphaAtBound(value: NumberText.format(one)) }
        if let hidden, values.count > hidden { return .tooManyAlphas(count: values.count, hidden: hidden) }
        return nil
    }

    /// What is wrong with `skip` (nil: not given) and `skip_only`, if anything.
    static func skipProblem(skip: Int?, skipOnly: Bool) -> TimeConnectionMessage? {
        if let skip, skip < 2 { return .skipTooShort(got: skip) }
        if skip == nil, skipOnly { return .skipOnlyWithoutSkip }
        return nil
    }

    /// The leak rates of a constant `alpha` (a number or a list of numbers); nil when not all are known numbers.
    static func rates(of constant: ConstantValue?) -> [Double]? {
        switch constant {
        case .int(let i)?: return [Double(i)]
        case .float(let x)?: return [x]
        case .list(let items)?:
            let numbers = items.compactMap(\.number)
            return numbers.count == items.count ? numbers : nil
        default: return nil
        }
    }
}
