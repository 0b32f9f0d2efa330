import UnrollData
import UnrollDiagnostics
import UnrollFileIO
import UnrollLanguage
import UnrollNN
import UnrollRecord
import UnrollTensor

/// Runs the cells of a notebook, one parsed program at a time, in one shared environment, against the model
/// library, and returns what each cell showed as typed outputs.
///
/// Everything random (initial weights, shuffling, dropout, sampling, synthetic tasks, dataset splits) draws
/// from one generator seeded by the settings' seed and reseeded by `seed`, so the same notebook and seed give
/// the same outputs. Every failure a user can cause becomes a `RuntimeError` pointing at the expression at
/// fault; errors thrown by the settings' `checkpoint` propagate unchanged.
public final class Interpreter {
    /// The settings the interpreter was made with.
    let settings: InterpreterSettings
    /// Every builtin: signatures and implementations.
    let library = BuiltinLibrary.standard
    /// The signatures of the builtins, as the checker sees them.
    var builtins: Builtins { library.catalog }
    /// The notebook's one random generator.
    var rng: RandomGenerator
    /// The names defined so far, across cells.
    var environment = Environment()
    /// Which files the notebook may read.
    let sandbox: PathSandbox
    /// The outputs of the running cell, in order.
    var outputs: [CellOutput] = []
    /// The names of the running cell's outputs.
    var names = OutputNames()
    /// The id of the running cell.
    var cellID = ""
    /// The files `save_weights` and `save_tensors` saved so far, in the order first saved (a later save of the
    /// same name replaces the contents); the runner writes them into the report folder.
    public internal(set) var savedFiles: [SavedFile] = []
    /// Every data file read so far (text, CSV, TSV, tagged, safetensors), with the SHA-256 and size of its bytes.
    public internal(set) var filesRead: [FileRecord] = []
    /// The cells the notebook declared (`cell Name(hidden) { … }`), by name.
    var cells: [String: DeclaredCell] = [:]
    /// The plan behind each declared cell's template, by the template's key (for the report's parameter table).
    var cellPlans: [String: CellPlan] = [:]

    /// An interpreter for one notebook, with an empty environment and the generator seeded by `settings.seed`.
    public init(settings: InterpreterSettings) {
        self.settings = settings
        self.rng = RandomGenerator(seed: settings.seed)
        self.sandbox = PathSandbox(notebookDirectory: settings.notebookDirectory, allowedRoots: settings.allowedRoots)
    }

    /// Runs one cell (its parsed `program`) in the shared environment and returns its outputs in order.
    ///
    /// Throws a `RuntimeError` carrying the outputs made before the failure, or whatever the settings'
    /// `checkpoint` threw, unchanged.
    public func run(_ program: Program, cellID: String) throws -> [CellOutput] {
        outputs = []
        names = OutputNames()
        self.cellID = cellID
        do {
            try execute(program.statements)
        } catch var error as RuntimeError {
            error.outputs = outputs
            throw error
        }
        return outputs
    }

    // MARK: - Statements

    /// Runs `statements` in order, calling the checkpoint before each.
    func execute(_ statements: [Statement]) throws {
        for statement in statements {
            try checkpoint()
            try execute(statement)
        }
    }

    private func execute(_ statement: Statement) throws {
        // The parser refuses deeper trees; one built another way must not overflow the stack here either.
        guard statement.depth <= NestingLimit.depth else {
            throw RuntimeError(SyntaxMessage.nestingTooDeep(limit: NestingLimit.depth, token: "this statement"),
                               at: SourceRange(start: statement.location, length: 1))
        }
        switch statement.kind {
        case .seed(let value):
            let seed = try evaluate(value)
            guard case .int(let n) = seed else { throw RuntimeError(StatementMessage.seedNotInt(got: seed.type), at: value.range) }
            guard n >= 0 else { throw RuntimeError(StatementMessage.negativeSeed(value: n), at: value.range) }
            rng = RandomGenerator(seed: SeedDerivation.seed(UInt64(n), run: settings.seedRun))
        case .assign(let targets, let value):
            try assign(targets, evaluate(value), from: value)
        case .fit(let model, let data, let options):
            try fit(model: model, data: data, options: options, at: statement.location)
        case .print(let values):
            let text = try values.map { try evaluate($0).text }.joined(separator: " ")
            outputs.append(.text(names.next("print"), text))
        case .show(let value):
            try show(evaluate(value), of: value)
        case .plot(let values, let options):
            try plot(values, options: options, at: statement.location)
        case .expect(let condition, let text):
            try expect(condition, text: text)
        case .forLoop(let variable, let sequence, let body):
            try loop(variable, over: sequence, body: body)
        case .ifElse(let condition, let then, let otherwise):
            let branch = try evaluateBool(condition, for: "if") ? then : otherwise
            if let branch {
                environment.push()
                defer { environment.pop() }
                try execute(branch)
            }
        case .expression(let value):
            _ = try evaluate(value)
        case .cell(let declaration):
            try declareCell(declaration)
        }
    }

    private func assign(_ targets: [Identifier], _ value: Value, from expression: Expr) throws {
        for target in targets { try checkAssignable(target) }
        if targets.count == 1 {
            environment.assign(targets[0].text, value)
            return
        }
        let parts: [Value]
        switch value {
        case .tuple(let items), .list(let items): parts = items
        default:
            throw RuntimeError(StatementMessage.unpackType(type: value.type, names: targets.count), at: expression.range)
        }
        guard parts.count == targets.count else {
            throw RuntimeError(StatementMessage.unpackCount(values: parts.count, names: targets.count), at: expression.range)
        }
        for (target, part) in zip(targets, parts) { environment.assign(target.text, part) }
    }

    private func checkAssignable(_ name: Identifier) throws {
        if name.text == "params" || builtins.function(named: name.text) != nil || builtins.namespaces.contains(name.text)
            || cells[name.text] != nil {
            throw RuntimeError(StatementMessage.assignToBuiltin(name: name.text),
                               at: SourceRange(start: name.location, length: name.text.count))
        }
    }

    private func loop(_ variable: Identifier, over sequence: Expr, body: [Statement]) throws {
        try checkAssignable(variable)
        func iteration(_ element: Value) throws {
            try checkpoint()
            environment.push()
            defer { environment.pop() }
            environment.defineLocal(variable.text, element)
            try execute(body)
        }
        switch try evaluate(sequence) {
        case .list(let items), .tuple(let items):
            for item in items { try iteration(item) }
        case .range(let lo, let hi):
            // Counted without building the list, and without stepping past Int.max.
            var i = lo
            while i <= hi {
                try iteration(.int(i))
                if i == hi { break }
                i += 1
            }
        case .series(let s):
            for x in s.values { try iteration(.float(x)) }
        case let other:
            throw RuntimeError(StatementMessage.cannotLoop(type: other.type), at: sequence.range)
        }
    }

    /// Calls the settings' checkpoint, if any; what it throws propagates unchanged.
    func checkpoint() throws {
        try settings.checkpoint?()
    }
}
