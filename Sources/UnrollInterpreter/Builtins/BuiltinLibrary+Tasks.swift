import UnrollData
import UnrollDiagnostics
import UnrollLanguage

extension BuiltinLibrary {
    /// Generated datasets for the classic long-term-dependency experiments; they use the notebook's seed.
    static let tasks: [Builtin] = [
        .function(Signature(
            name: "task.adding", family: .tasks,
            parameters: [
                .labelled("count", .int, .required, .positive, doc: "number of examples"),
                .labelled("length", .oneOf([.int, .range]), .required, .positive,
                          doc: "steps per sequence, or a range to draw each length from"),
            ],
            result: .dataset(DatasetFacts(kind: .sequences, inputs: 2, outputs: 1, origin: "task.adding")),
            doc: "The adding problem: 2 inputs per step (a value and a marker); the target is the sum of the two marked values.",
            rule: taskRule("adding", result: .dataset(DatasetFacts(kind: .sequences, inputs: 2, outputs: 1, origin: "task.adding"))) { facts in
                let shortest: Int?
                switch facts.constant("length") {
                case .int(let n)?: shortest = n
                case .range(let lo, _)?: shortest = lo
                default: shortest = nil
                }
                if let shortest, shortest > 0, shortest < 2 {
                    return CallProblem("the adding problem needs sequences of at least 2 steps, got \(shortest)", at: "length")
                }
                return nil
            }
        )) { try $0.addingTask($1) },
        .function(Signature(
            name: "task.copy", family: .tasks,
            parameters: [
                .labelled("count", .int, .required, .positive, doc: "number of examples"),
                .labelled("length", .oneOf([.int, .range]), .required, .positive,
                          doc: "symbols per sequence, or a range to draw each length from"),
                .labelled("vocab", .int, .required, .positive, doc: "number of distinct symbols"),
            ],
            result: .dataset(DatasetFacts(kind: .pairs, origin: "task.copy")),
            doc: "Random symbol sequences whose target is the same sequence.",
            rule: taskRule("copy", result: .dataset(DatasetFacts(kind: .pairs, origin: "task.copy")))
        )) { try $0.copyTask($1) },
        .function(Signature(
            name: "task.reverse", family: .tasks,
            parameters: [
                .labelled("count", .int, .required, .positive, doc: "number of examples"),
                .labelled("length", .oneOf([.int, .range]), .required, .positive,
                          doc: "symbols per sequence, or a range to draw each length from"),
                .labelled("vocab", .int, .required, .positive, doc: "number of distinct symbols"),
            ],
            result: .dataset(DatasetFacts(kind: .pairs, origin: "task.reverse")),
            doc: "Random symbol sequences whose target is the sequence reversed.",
            rule: taskRule("reverse", result: .dataset(DatasetFacts(kind: .pairs, origin: "task.reverse")))
        )) { try $0.reverseTask($1) },
        .function(Signature(
            name: "task.sort", family: .tasks,
            parameters: [
                .labelled("count", .int, .required, .positive, doc: "number of examples"),
                .labelled("length", .oneOf([.int, .range]), .required, .positive,
                          doc: "symbols per sequence, or a range to draw each length from"),
                .labelled("vocab", .int, .required, .positive, doc: "number of distinct symbols"),
            ],
            result: .dataset(DatasetFacts(kind: .pairs, origin: "task.sort")),
            doc: "Random symbol sequences whose target is the same symbols in ascending order.",
            rule: taskRule("sort", result: .dataset(DatasetFacts(kind: .pairs, origin: "task.sort")))
        )) { try $0.sortTask($1) },
        .function(Signature(
            name: "task.addition", family: .tasks,
            parameters: [
                .labelled("count", .int, .required, .positive, doc: "number of examples"),
                .labelled("digits", .int, .required, .positive, doc: "the most digits of each operand (1 to 9)"),
            ],
            result: .dataset(DatasetFacts(kind: .pairs, origin: "task.addition")),
            doc: "Sums written as characters: the source is `a+b` (such as `12+7`), the target the decimal sum (`19`).",
            rule: taskRule("addition", result: .dataset(DatasetFacts(kind: .pairs, origin: "task.addition")), longest: "digits") { facts in
                if let digits = facts.int("digits"), digits > 9 {
                    return CallProblem("task.addition takes at most 9 digits per operand, got \(digits)", at: "digits")
                }
                return nil
            }
        )) { try $0.additionTask($1) },
        .function(Signature(
            name: "task.sine", family: .tasks,
            parameters: [
                .labelled("count", .int, .required, .positive, doc: "number of windows"),
                .labelled("length", .int, .required, .positive, doc: "steps per window"),
                .labelled("noise", .float, .value(.float(0)), .nonNegative, doc: "standard deviation of added Gaussian noise"),
            ],
            result: .dataset(DatasetFacts(kind: .sequences, inputs: 1, outputs: 1, origin: "task.sine")),
            doc: "Windows of sine waves with random phase and frequency: 1 input per step; the target is the next value.",
            rule: taskRule("sine", result: .dataset(DatasetFacts(kind: .sequences, inputs: 1, outputs: 1, origin: "task.sine")))
        )) { try $0.sineTask($1) },
        .function(Signature(
            name: "task.mackey_glass", family: .tasks,
            parameters: [
                .labelled("count", .int, .value(.int(1)), .positive, doc: "number of consecutive windows"),
                .labelled("length", .int, .required, .positive, doc: "steps per window"),
                .labelled("tau", .int, .value(.int(17)), .positive, doc: "the delay τ; 17 is the chaotic benchmark"),
                .labelled("skip", .int, .value(.int(0)), .nonNegative,
                          doc: "samples left out before the first window (after the 1000-sample transient), for a later test stretch"),
            ],
            result: .dataset(DatasetFacts(kind: .sequences, inputs: 1, outputs: 1, origin: "task.mackey_glass")),
            doc: "One-step-ahead forecasting of the Mackey–Glass series (Euler step 0.1, every 10th step kept, as Jaeger 2001): 1 input per step; the target is the next sample. The series is fixed; the seed is not used."
        )) { try $0.mackeyGlassTask($1) },
        .function(Signature(
            name: "task.narma", family: .tasks,
            parameters: [
                .labelled("count", .int, .value(.int(1)), .positive, doc: "number of sequences"),
                .labelled("length", .int, .required, .positive, doc: "steps per sequence"),
                .labelled("order", .int, .value(.int(10)), .positive, doc: "the order n of the NARMA system (10 is the benchmark; 20 and more diverge)"),
            ],
            result: .dataset(DatasetFacts(kind: .sequences, inputs: 1, outputs: 1, origin: "task.narma")),
            doc: "NARMA system identification (Atiya & Parlos 2000): inputs u(t) from U(0, 0.5); the target is y(t+1) = 0.3·y(t) + 0.05·y(t)·Σ y(t−i) + 1.5·u(t−n+1)·u(t) + 0.1."
        )) { try $0.narmaTask($1) },
    ]

    /// The checker's rule for a task: the problem `own` finds, else, when the sizes are constants, the one the
    /// generator would raise for examples that do not fit in this machine's memory (so lint exits 65).
    static func taskRule(_ task: String, result: ValueType, longest parameter: String = "length",
                         own: (@Sendable (CallFacts) -> CallProblem?)? = nil) -> CallRule {
        { facts in
            if let problem = own?(facts) { return CallOutcome(result, problems: [problem]) }
            let longest: Int?
            switch facts.constant(parameter) {
            case .int(let n)?: longest = n
            case .range(_, let hi)?: longest = hi
            default: longest = nil
            }
            // Sizes below 1 get their own message from the parameter's constraint.
            guard let count = facts.int("count"), let longest, count >= 1, longest >= 1 else { return CallOutcome(result) }
            // An unknown vocabulary counts as none: the examples alone may already be too many.
            let vocabulary = max(0, facts.int("vocab") ?? 0)
            guard let problem = SyntheticTasks.memoryProblem(task: task, count: count, longest: longest,
                                                             vocabulary: vocabulary) else { return CallOutcome(result) }
            return CallOutcome(result, problems: [CallProblem(problem)])
        }
    }
}
