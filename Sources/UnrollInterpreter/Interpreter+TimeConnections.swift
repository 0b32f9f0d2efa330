import UnrollLanguage
import UnrollNN

extension Interpreter {
    /// `LeakyRNN(hidden:, alpha:, learned:, layers:, bidirectional:, dropout:)`.
    func leakyRNNLayer(_ arguments: Arguments) throws -> Value {
        var spec = try recurrentSpec(.rnnTanh, arguments)
        let learned = try arguments.bool("learned")
        // The signature's binding refuses anything but numbers already; this only keeps the switch whole.
        func notNumbers(_ type: ValueType) -> RuntimeError {
            arguments.error("argument 'alpha' of 'LeakyRNN' expects number or list of number, got \(type)", at: "alpha")
        }
        let values: [Double]
        switch try arguments.value("alpha") {
        case .int(let i): values = [Double(i)]
        case .float(let x): values = [x]
        case .list(let items):
            values = try items.map { item in
                switch item {
                case .int(let i): return Double(i)
                case .float(let x): return x
                default: throw notNumbers(item.type)
                }
            }
        case let other: throw notNumbers(other.type)
        }
        if let problem = TimeConnectionRules.alphaProblem(values, learned: learned, hidden: spec.hidden) {
            throw arguments.error(problem, at: "alpha")
        }
        spec.connections = .leaky(LeakRates(values: values.map { Float($0) }, learned: learned))
        return .recurrent(spec)
    }

    /// The connections `RNN(skip:, skip_only:)` asks for: a skip connection, or none.
    func skipConnections(_ arguments: Arguments) throws -> TimeConnections {
        let skip = arguments["skip"] == nil ? nil : try arguments.int("skip")
        let skipOnly = try arguments.bool("skip_only")
        if let problem = TimeConnectionRules.skipProblem(skip: skip, skipOnly: skipOnly) {
            throw arguments.error(problem, at: skip == nil ? "skip_only" : "skip")
        }
        guard let skip else { return .adjacent }
        return .skip(SkipConnection(distance: skip, keepsOneStep: !skipOnly))
    }
}
