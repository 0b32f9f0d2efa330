import UnrollDiagnostics

// The messages of the language, one enum per subject, in the manner of swift-syntax's
// ParserDiagnosticMessages.swift: each case is one message, its associated values its arguments, and its
// `text` the one place the wording is written. The checker raises them before a run and the interpreter
// raises the same cases during one.

/// The messages of the lexer and the parser: text that does not read as the language.
public enum SyntaxMessage: DiagnosticMessage, Hashable {
    /// A string without its closing quote on the line.
    case unterminatedString
    /// A backslash escape the language does not have.
    case unknownEscape(character: String)
    /// A number with an exponent but no digits after it.
    case malformedNumber(text: String)
    /// A float literal beyond the range of a double.
    case numberTooLarge(text: String)
    /// An integer literal beyond the range of a 64-bit int.
    case integerTooLarge(text: String)
    /// Two characters another language uses (`&&`); `hint` says what this one writes.
    case foreignOperator(text: String, hint: String)
    /// A character the language does not use; `hint` says what to write instead, if anything fits.
    case unexpectedCharacter(character: String, hint: String?)
    /// A token other than the one the grammar needs; `expectation` says what was needed, `found` quotes the token.
    case expected(expectation: String, found: String)
    /// Nothing that starts an expression after `context` (`'='`, `'('`).
    case expectedExpressionAfter(context: String, found: String)
    /// Nothing that starts an expression.
    case expectedExpression(found: String)
    /// Something after a complete statement on its line.
    case expectedEndOfLine(found: String)
    /// A block's `{` never closed; `opened` is where it opened (`3:12`).
    case unclosedBlock(opened: String, found: String)
    /// `a < b < c`.
    case chainedComparison
    /// A keyword on the left of `=`.
    case keywordAssigned(keyword: String)
    /// An `else` without its `if`.
    case elseWithoutIf
    /// Something other than a plain name on the left of `=`.
    case cannotAssignExpression(expression: String)
    /// A Python slice `x[0:2]`; `suggestion` is the range slice that takes the same items.
    case colonSlice(suggestion: String)
    /// A misspelt statement keyword (`pritn x`).
    case unknownStatement(name: String, suggestion: String)
    /// A positional argument after a labelled one.
    case positionalAfterLabelled(label: String)
    /// Brackets, blocks or prefix operators nested deeper than `limit`; `token` quotes where it happened.
    case nestingTooDeep(limit: Int, token: String)
    /// A chain of `link` (`'+'`, `'.'`, `'else if'`) that makes the tree deeper than `limit`.
    case chainTooLong(link: String, limit: Int)
    /// A line of a cell's body that is neither a parameter nor the step.
    case cellBodyLine(cell: String, found: String)
    /// A cell body with a second `step`.
    case cellStepTwice(cell: String)
    /// A cell body without a `step`.
    case cellWithoutStep(cell: String)
    /// `name = …` in a cell's body that is not `param(…)`.
    case cellParameterNotParam(cell: String, name: String)
    /// `step` without an input and at least one state.
    case stepArguments(cell: String)
    /// A width written on the step's input, whose width is the layer's.
    case stepInputWidth(name: String)
    /// A line of a step that is neither an assignment nor `return`.
    case stepLine(found: String)

    /// Every message of this type belongs to the language.
    public static let domain = "UnrollLanguage"

    /// The message as users read it.
    public var text: String {
        switch self {
        case .unterminatedString:
            return "unterminated string; add '\"' before the end of the line"
        case .unknownEscape(let character):
            return "unknown escape '\\\(character)' in string; use '\\\\' for a backslash"
        case .malformedNumber(let text):
            return "malformed number '\(text)'; expected digits after the exponent"
        case .numberTooLarge(let text):
            return "number '\(text)' is too large"
        case .integerTooLarge(let text):
            return "integer '\(text)' is too large"
        case .foreignOperator(let text, let hint):
            return "unexpected '\(text)'; \(hint)"
        case .unexpectedCharacter(let character, let hint):
            return "unexpected character '\(character)'" + (hint.map { "; \($0)" } ?? "")
        case .expected(let expectation, let found):
            return "\(expectation), found \(found)"
        case .expectedExpressionAfter(let context, let found):
            return "expected an expression after \(context), found \(found)"
        case .expectedExpression(let found):
            return "expected an expression, found \(found)"
        case .expectedEndOfLine(let found):
            return "expected end of line after the statement, found \(found)"
        case .unclosedBlock(let opened, let found):
            return "expected '}' to close the block started at \(opened), found \(found)"
        case .chainedComparison:
            return "comparisons cannot be chained; join them with 'and', as in 'a < b and b < c'"
        case .keywordAssigned(let keyword):
            return "'\(keyword)' is a keyword and cannot be assigned; choose another name"
        case .elseWithoutIf:
            return "'else' must follow the '}' of an 'if' block"
        case .cannotAssignExpression(let expression):
            return "cannot assign to '\(expression)'; only plain names can be assigned"
        case .colonSlice(let suggestion):
            return "slices use '...' and include both ends, not ':'; write '\(suggestion)'"
        case .unknownStatement(let name, let suggestion):
            return "unknown statement '\(name)'; did you mean '\(suggestion)'?"
        case .positionalAfterLabelled(let label):
            return "positional argument after the labelled argument '\(label)'; put positional arguments first"
        case .nestingTooDeep(let limit, let token):
            return "nesting deeper than \(limit) at \(token); give inner parts names with '=' and use the names"
        case .chainTooLong(let link, let limit):
            let fix = link == "'else if'" ? "split it into separate 'if' statements"
                : "compute parts of it into names ('part = …') and combine the names"
            return "a chain of \(link) nesting deeper than \(limit) links; \(fix)"
        case .cellBodyLine(let cell, let found):
            return "expected a parameter ('W = param(hidden, input)') or 'step(x, h) { … }' in cell '\(cell)', found \(found)"
        case .cellStepTwice(let cell):
            return "cell '\(cell)' has a second 'step'; a cell has exactly one"
        case .cellWithoutStep(let cell):
            return "cell '\(cell)' has no 'step'; add 'step(x, h) { … return output, h }'"
        case .cellParameterNotParam(let cell, let name):
            return "'\(name)' in cell '\(cell)' must be a parameter, as in '\(name) = param(hidden, input)'; "
                + "compute values inside 'step'"
        case .stepArguments(let cell):
            return "the 'step' of cell '\(cell)' takes the input and at least one state, as in 'step(x, h)'"
        case .stepInputWidth(let name):
            return "the input '\(name)' has the layer's input width, called 'input'; remove its width"
        case .stepLine(let found):
            return "expected an assignment or 'return' in 'step', found \(found)"
        }
    }

    /// The keyword a misspelt statement resembles.
    public var suggestion: String? {
        if case .unknownStatement(_, let keyword) = self { return keyword }
        return nil
    }
}

/// The messages about calls and their arguments, raised by the checker before a run and by the interpreter
/// during one; `noun` is `argument`, or `option` for the options of `fit` and `plot`, and `owner` names the call.
public enum CallMessage: DiagnosticMessage, Hashable {
    /// A variable called as if it were a function; `described` is its type with an article (`an int`).
    case notAFunction(name: String, described: String)
    /// A namespace called as a function (`task(…)`).
    case namespaceCalled(name: String)
    /// No function of that name; `noun` is `layer`, `model`, `optimizer` or `function`, after the suggestion's family.
    case unknownFunction(noun: String, name: String, suggestion: String?)
    /// No function of that name in the namespace (`task.add`).
    case unknownNamespaceFunction(namespace: String, name: String, suggestion: String?)
    /// A record's field called as a method.
    case fieldCalled(name: String)
    /// A property called as a method (`corpus.vocab()`).
    case propertyCalled(name: String, receiver: String)
    /// A value of a type without that method; `described` is the type with an article.
    case noSuchMethod(name: String, described: String)
    /// Something that is neither a function nor a method, called (`(1)(2)`).
    case notCallable(callee: String)
    /// A positional argument to a builtin that takes labelled ones only; `suggestion` is the labelled form.
    case labelledOnly(owner: String, noun: String, suggestion: String?)
    /// More positional arguments than the builtin takes.
    case tooManyPositional(owner: String, noun: String, accepted: Int, given: Int)
    /// More positional arguments than the builtin takes, where labels fit the extra ones: `suggestion` is the
    /// call written with them (`sample(lm, prime: "a", length: 20)`).
    case passByLabel(owner: String, accepted: Int, given: Int, suggestion: String)
    /// A label that names no parameter.
    case unknownLabel(noun: String, label: String, owner: String, suggestion: String?)
    /// A label on an argument that is passed by position.
    case labelOnPositional(label: String)
    /// The same parameter given twice.
    case givenTwice(noun: String, label: String)
    /// A required parameter left out.
    case missing(noun: String, parameter: String, owner: String)
    /// An argument of the wrong type.
    case wrongType(noun: String, parameter: String, owner: String, expected: ValueType, got: ValueType)
    /// A known value that breaks the parameter's constraint; `param` is the front-matter param it came from.
    case constraintViolated(parameter: String, why: String, param: String?)

    /// Every message of this type belongs to the language.
    public static let domain = "UnrollLanguage"

    /// The message as users read it.
    public var text: String {
        switch self {
        case .notAFunction(let name, let described):
            return "'\(name)' is \(described), not a function"
        case .namespaceCalled(let name):
            return "'\(name)' is a namespace; call one of its functions"
        case .unknownFunction(let noun, let name, let suggestion):
            return "unknown \(noun) '\(name)'" + Suggestion.hint(suggestion)
        case .unknownNamespaceFunction(let namespace, let name, let suggestion):
            return "'\(namespace)' has no function '\(name)'" + Suggestion.hint(suggestion)
        case .fieldCalled(let name):
            return "'\(name)' is a field of a record, not a method"
        case .propertyCalled(let name, let receiver):
            return "'\(name)' is a property of \(receiver), not a method; write '.\(name)' without '()'"
        case .noSuchMethod(let name, let described):
            return "\(described) has no method '\(name)'"
        case .notCallable(let callee):
            return "only functions and methods can be called; '\(callee)' is neither"
        case .labelledOnly(let owner, let noun, let suggestion):
            return "'\(owner)' takes labelled \(noun)s only" + Suggestion.hint(suggestion)
        case .tooManyPositional(let owner, let noun, let accepted, let given):
            return "'\(owner)' takes \(accepted) positional \(noun)\(accepted == 1 ? "" : "s"), got \(given)"
        case .passByLabel(let owner, let accepted, let given, let suggestion):
            return "'\(owner)' takes \(accepted) positional argument\(accepted == 1 ? "" : "s"), got \(given); "
                + "pass the others by label, as in '\(suggestion)'"
        case .unknownLabel(let noun, let label, let owner, let suggestion):
            return "unknown \(noun) '\(label)' for '\(owner)'" + Suggestion.hint(suggestion)
        case .labelOnPositional(let label):
            return "'\(label)' is passed by position; remove the label '\(label):'"
        case .givenTwice(let noun, let label):
            return "\(noun) '\(label)' is given twice"
        case .missing(let noun, let parameter, let owner):
            return "missing required \(noun) '\(parameter)' for '\(owner)'"
        case .wrongType(let noun, let parameter, let owner, let expected, let got):
            return "\(noun) '\(parameter)' of '\(owner)' expects \(expected), got \(got)"
        case .constraintViolated(let parameter, let why, let param):
            return "'\(parameter)' \(why)" + (param.map { " from 'params.\($0)'" } ?? "")
        }
    }

    /// The replacement the did-you-mean offers.
    public var suggestion: String? {
        switch self {
        case .unknownFunction(_, _, let s), .unknownNamespaceFunction(_, _, let s), .labelledOnly(_, _, let s),
             .unknownLabel(_, _, _, let s):
            return s
        default:
            return nil
        }
    }
}

/// The messages about names: variables, params, namespaces, members of types and fields of records,
/// shared by the checker and the interpreter.
public enum NameMessage: DiagnosticMessage, Hashable {
    /// A builtin function used as a value.
    case functionNotCalled(name: String)
    /// A namespace used as a value; `example` is one of its functions.
    case namespaceNotCalled(name: String, example: String?)
    /// `params` used as a value.
    case paramsAsValue
    /// A name used before the place that first assigns it.
    case usedBeforeDefinition(name: String, line: Int, column: Int)
    /// A name used outside the block that assigned it.
    case localToBlock(name: String, line: Int, column: Int)
    /// A name nothing defines.
    case unknownName(name: String, suggestion: String?)
    /// `params.NAME` when the front matter has no params.
    case noParams(name: String)
    /// `params.NAME` for a param the front matter does not define; `known` are the ones it does.
    case unknownParam(name: String, suggestion: String?, known: [String])
    /// A record field read that the record does not have.
    case unknownField(name: String, suggestion: String?)
    /// The same field twice in a record literal.
    case fieldGivenTwice(name: String)
    /// A method read as a property (`corpus.split`).
    case methodNotCalled(name: String, receiver: String)
    /// A member the type does not have; `type` is the type as written in messages.
    case unknownMember(name: String, type: String, suggestion: String?)

    /// Every message of this type belongs to the language.
    public static let domain = "UnrollLanguage"

    /// The message as users read it.
    public var text: String {
        switch self {
        case .functionNotCalled(let name):
            return "'\(name)' is a function; call it as '\(name)(...)'"
        case .namespaceNotCalled(let name, let example):
            return "'\(name)' is a namespace; call one of its functions" + (example.map { ", such as '\($0)(...)'" } ?? "")
        case .paramsAsValue:
            return "'params' holds the front-matter params; read one as 'params.NAME'"
        case .usedBeforeDefinition(let name, let line, let column):
            return "'\(name)' is used before its definition at \(line):\(column)"
        case .localToBlock(let name, let line, let column):
            return "'\(name)' is not defined here; the '\(name)' at \(line):\(column) is local to its block"
        case .unknownName(let name, let suggestion):
            return "unknown name '\(name)'" + Suggestion.hint(suggestion)
        case .noParams(let name):
            return "unknown param 'params.\(name)'; the front matter defines no params"
        case .unknownParam(let name, let suggestion, let known):
            let hint = suggestion.map { "; did you mean 'params.\($0)'?" }
                ?? "; the front matter defines " + known.map { "'\($0)'" }.joined(separator: ", ")
            return "unknown param 'params.\(name)'" + hint
        case .unknownField(let name, let suggestion):
            return "the record has no field '\(name)'" + Suggestion.hint(suggestion)
        case .fieldGivenTwice(let name):
            return "field '\(name)' is given twice"
        case .methodNotCalled(let name, let receiver):
            return "'\(name)' is a method of \(receiver); call it as '\(name)(...)'"
        case .unknownMember(let name, let type, let suggestion):
            return "unknown member '\(name)' of \(type)" + Suggestion.hint(suggestion)
        }
    }

    /// The replacement the did-you-mean offers.
    public var suggestion: String? {
        switch self {
        case .unknownName(_, let s), .unknownField(_, let s), .unknownMember(_, _, let s): return s
        case .unknownParam(_, let s, _): return s.map { "params.\($0)" }
        default: return nil
        }
    }
}

/// The messages about ranges, indexing and operators, shared by the checker and the interpreter.
public enum ExpressionMessage: DiagnosticMessage, Hashable {
    /// A value that must be an int and is not; `what` names it (`an index`, `the ends of a range`, `'seed'`).
    case notAnInt(what: String, got: ValueType)
    /// `a...b` with `a > b`.
    case emptyRange(lower: Int, upper: Int)
    /// A range too large to index or count.
    case rangeTooLarge(lower: Int, upper: Int, purpose: String)
    /// An index outside the container; `what` is `a list`, `a tuple`, …
    case indexOutOfRange(index: Int, what: String, count: Int)
    /// An index into a value that cannot be indexed.
    case notIndexable(type: ValueType)
    /// A slice `a...b` that does not lie inside something with `count` items.
    case sliceOutOfRange(lower: Int, upper: Int, count: Int)
    /// `-x` of a non-number.
    case cannotNegate(type: ValueType)
    /// `not x` of a non-bool.
    case notNeedsBool(got: ValueType)
    /// `and` / `or` with a side that is not a bool, as the checker sees both sides.
    case logicNeedsBools(op: String, left: ValueType, right: ValueType)
    /// `and` / `or` with a side that is not a bool, as the interpreter meets it.
    case logicNeedsBool(op: String, got: ValueType)
    /// `==` between values that cannot be compared.
    case cannotCompare(left: ValueType, right: ValueType)
    /// `<` and friends between values without an order.
    case cannotOrder(op: String, left: ValueType, right: ValueType)
    /// A Metrics compared with a number; `suggestion` is one of its numbers (`m.accuracy`).
    case metricsCompared(op: String, suggestion: String)
    /// Arithmetic on values it does not apply to.
    case cannotApply(op: String, left: ValueType, right: ValueType)
    /// `/` or `%` by zero.
    case divisionByZero
    /// Integer arithmetic that overflows.
    case integerOverflow(op: String)
    /// An expression that failed to parse, reached at run time.
    case unparsed
    /// A list or record literal that would nest values (lists, tuples, records) deeper than `limit`.
    case valueTooDeep(limit: Int)
    /// A list that would grow past `limit` items (`GrowthLimit.listItems`).
    case listTooLong(items: Int, limit: Int)
    /// A string that would grow past `limit` bytes (`GrowthLimit.stringBytes`).
    case stringTooLong(bytes: Int, limit: Int)
    /// `t[0]` on a Tensor, which has no positions to index.
    case tensorIndexed
    /// `tensors[key]` with a key that is not a name.
    case tensorKeyNotString(got: ValueType)

    /// Every message of this type belongs to the language.
    public static let domain = "UnrollLanguage"

    /// The message as users read it.
    public var text: String {
        switch self {
        case .notAnInt(let what, let got):
            return "\(what) must be an int, got \(got)"
        case .emptyRange(let lower, let upper):
            return "the range \(lower)...\(upper) is empty; write the smaller end first"
        case .rangeTooLarge(let lower, let upper, let purpose):
            return "the range \(lower)...\(upper) is too large to \(purpose); a range can hold at most \(Int.max) ints"
        case .indexOutOfRange(let index, let what, let count):
            return "index \(index) is out of range for \(what) of \(count)"
        case .notIndexable(let type):
            return "cannot index \(type); only lists, tuples, strings, ranges, Series and Datasets can be indexed"
        case .sliceOutOfRange(let lower, let upper, let count):
            return "the slice \(lower)...\(upper) is out of range for \(count) item\(count == 1 ? "" : "s"); "
                + "a slice takes items 0...\(max(count - 1, 0)) (or counted from the end, -\(max(count, 1))...-1)"
        case .cannotNegate(let type):
            return "cannot negate \(type)"
        case .notNeedsBool(let got):
            return "'not' needs true or false, got \(got)"
        case .logicNeedsBools(let op, let left, let right):
            return "'\(op)' needs true or false on both sides, got \(left) and \(right)"
        case .logicNeedsBool(let op, let got):
            return "'\(op)' needs true or false on both sides, got \(got)"
        case .cannotCompare(let left, let right):
            return "cannot compare \(left) with \(right)" + Self.seriesHint(left, right)
        case .cannotOrder(let op, let left, let right):
            return "cannot compare \(left) with \(right) using '\(op)'" + Self.seriesHint(left, right)
        case .metricsCompared(let op, let suggestion):
            return "cannot compare a Metrics using '\(op)'; compare one of its numbers, such as '\(suggestion)'"
        case .cannotApply(let op, let left, let right):
            let joinsText = op == "+" && (left == .string || right == .string)
            return "cannot apply '\(op)' to \(left) and \(right)" + (joinsText ? "; convert with 'str(...)' to join text" : "")
        case .divisionByZero:
            return "division by zero"
        case .integerOverflow(let op):
            return "integer overflow in '\(op)'; the result does not fit in a 64-bit int, so compute with floats (write '2.0' for '2')"
        case .unparsed:
            return "this expression did not parse and cannot run"
        case .valueTooDeep(let limit):
            return "this value would nest lists and records deeper than \(limit) levels; keep the data flatter, "
                + "as in a list of records"
        case .listTooLong(let items, let limit):
            return "this list would have \(items) items, more than the \(limit) a list "
                + "may hold; build a smaller list, or keep large data in a data file"
        case .stringTooLong(let bytes, let limit):
            return "this string would have \(bytes) bytes, more than the \(limit) a "
                + "string may hold; build a shorter string"
        case .tensorIndexed:
            return "a Tensor cannot be indexed; look tensors up by name in Tensors (from load_tensors or state_dict), such as t[\"x\"]"
        case .tensorKeyNotString(let got):
            return "tensors are looked up by name, such as t[\"x\"], got \(got)"
        }
    }

    /// How to get a number out of a Series, when one side is a Series.
    private static func seriesHint(_ a: ValueType, _ b: ValueType) -> String {
        a == .series || b == .series ? "; use '.last', '.min' or '.max' of the Series for a number" : ""
    }
}

/// The messages about statements: assignment and unpacking, conditions, loops and `seed`, shared by the
/// checker and the interpreter.
public enum StatementMessage: DiagnosticMessage, Hashable {
    /// An assignment to a builtin's name or to `params`.
    case assignToBuiltin(name: String)
    /// The same name twice on the left of `=`.
    case nameTwiceOnLeft(name: String)
    /// More or fewer values than names.
    case unpackCount(values: Int, names: Int)
    /// A value that cannot be unpacked.
    case unpackType(type: ValueType, names: Int)
    /// An assignment of something that gives no value (`x = fit …`).
    case noValueToAssign(expression: String)
    /// `print` or `show` of something that gives no value.
    case noValueFor(expression: String, keyword: String)
    /// An `if` or `while` condition that is not a bool.
    case conditionNotBool(keyword: String, got: ValueType)
    /// A `for` over something that is not a sequence.
    case cannotLoop(type: ValueType)
    /// `seed` with a value that is not an int.
    case seedNotInt(got: ValueType)
    /// `seed` with a negative value.
    case negativeSeed(value: Int)
    /// A value computed and dropped.
    case unusedValue(expression: String)

    /// Every message of this type belongs to the language.
    public static let domain = "UnrollLanguage"

    /// The message as users read it.
    public var text: String {
        switch self {
        case .assignToBuiltin(let name):
            return "cannot assign to '\(name)'; it is a builtin name"
        case .nameTwiceOnLeft(let name):
            return "'\(name)' appears twice on the left of '='"
        case .unpackCount(let values, let names):
            return "cannot unpack \(values) values into \(names) names"
        case .unpackType(let type, let names):
            return "cannot unpack \(type) into \(names) names; only tuples and lists can be unpacked"
        case .noValueToAssign(let expression):
            return "'\(expression)' gives no value to assign"
        case .noValueFor(let expression, let keyword):
            return "'\(expression)' has no value to \(keyword)"
        case .conditionNotBool(let keyword, let got):
            return "'\(keyword)' needs a condition that is true or false, got \(got)"
        case .cannotLoop(let type):
            return "cannot loop over \(type); 'for' takes a list, a range or a Series"
        case .seedNotInt(let got):
            return "'seed' needs an int, got \(got)"
        case .negativeSeed(let value):
            return "'seed' must be non-negative, got \(value)"
        case .unusedValue(let expression):
            return "the value of '\(expression)' is not used; write 'show \(expression)' to display it"
        }
    }

    /// Only an unused value is a warning.
    public var severity: Severity {
        if case .unusedValue = self { return .warning }
        return .error
    }
}

/// The messages about `fit` and `plot`: what is trained on what, and the options that apply, shared by the
/// checker and the interpreter.
public enum TrainingMessage: DiagnosticMessage, Hashable {
    /// `fit` of something that is not a model; `described` is its type with an article.
    case notAModel(model: String, described: String)
    /// `fit … on` something that is not data.
    case notData(got: ValueType)
    /// Data of a kind the model does not train on; `model` is the model's kind, `described` the data's type.
    case wrongData(model: String, trainsOn: String, described: String)
    /// Numeric data with another number of input features than the model reads; `origin` names the data.
    case inputFeatures(have: Int, origin: String?, model: String, want: Int)
    /// Numeric data with another number of targets than the model predicts.
    case targetValues(have: Int, origin: String?, model: String, want: Int)
    /// `bptt` given for a model that is not a language model.
    case bpttUnused(model: String)
    /// A Seq2Seq-only option given for another model.
    case seq2seqOnly(option: String, model: String)
    /// `plot` of something without curves.
    case notPlottable(type: ValueType)
    /// An EchoState-only option (`ridge`, `washout`) given for another model.
    case echoStateOnly(option: String, model: String)
    /// A gradient-training option given for an EchoState, whose readout is solved in closed form.
    case closedForm(option: String)
    /// A washout at least as long as a sequence it would be taken from.
    case washoutTooLong(washout: Int, steps: Int)
    /// `plot xs, ys` whose first value, the x axis, is not a list of numbers.
    case xAxisNotNumbers(type: ValueType)
    /// `plot xs, h` of a History, which has its own x axis (its epochs).
    case historyAgainstAxis(axis: String)
    /// A line whose x values and y values differ in number.
    case pointCounts(xs: String, xCount: Int, ys: String, yCount: Int)
    /// A value a logarithmic axis cannot show (zero or negative), with the line and point it belongs to.
    case logNonPositive(axis: String, value: String, line: String, at: String)
    /// `fit … { lr: 1e-3 }`: the learning rate is an option of the optimizer (`optimizer`, the one the fit names,
    /// else Adam); `value` is the given expression.
    case learningRateInFit(optimizer: String, value: String)
    /// `fit … { weight_decay: 0.01 }` or `momentum:`: an option of an optimizer, shown in the call that takes it.
    case optimizerOptionInFit(option: String, call: String)
    /// An option that watches the validation data (`patience`, `keep_best`) without `validate:`.
    case needsValidation(option: String)
    /// `monitor:` names a metric the model's history does not record.
    case monitorUnavailable(metric: String, model: String)

    /// Every message of this type belongs to the language.
    public static let domain = "UnrollLanguage"

    /// The message as users read it.
    public var text: String {
        switch self {
        case .notAModel(let model, let described):
            return "cannot fit '\(model)': it is \(described), not a model"
        case .notData(let got):
            return "'fit' needs data (a Corpus or a Dataset) after 'on', got \(got)"
        case .wrongData(let model, let trainsOn, let described):
            return "\(ModelKind.withArticle(model)) trains on \(trainsOn), not on \(described)"
        case .inputFeatures(let have, let origin, let model, let want):
            return "the data has \(have) input feature\(have == 1 ? "" : "s") per step\(Self.shown(origin)), but '\(model)' expects \(want)"
        case .targetValues(let have, let origin, let model, let want):
            return "the data has \(have) target value\(have == 1 ? "" : "s") per example\(Self.shown(origin)), "
                + "but '\(model)' predicts \(want)"
        case .bpttUnused(let model):
            return "'bptt' only applies to language models; \(ModelKind.withArticle(model)) reads whole sequences"
        case .seq2seqOnly(let option, let model):
            return "'\(option)' only applies to a Seq2Seq, not \(ModelKind.withArticle(model))"
        case .notPlottable(let type):
            return "cannot plot \(type); 'plot' takes a History, a Series, a list of numbers, or a list of those"
        case .echoStateOnly(let option, let model):
            return "'\(option)' only applies to an EchoState, not \(ModelKind.withArticle(model))"
        case .closedForm(let option):
            return "'\(option)' does not apply to an EchoState: its readout is solved in closed form; "
                + "its options are 'ridge' and 'washout'"
        case .washoutTooLong(let washout, let steps):
            return "a washout of \(washout) steps leaves nothing of a sequence of \(steps) steps; use a 'washout' below \(steps)"
        case .xAxisNotNumbers(let type):
            return "the x axis of 'plot xs, ys' must be a list of numbers, got \(type); "
                + "to draw several values in one figure, put them in a list: 'plot [a, b]'"
        case .historyAgainstAxis(let axis):
            return "a History is drawn against its own epochs, not against '\(axis)'; plot it on its own, "
                + "or plot one of its curves (history.train.loss) against '\(axis)'"
        case .pointCounts(let xs, let xCount, let ys, let yCount):
            return "'\(xs)' has \(xCount) value\(xCount == 1 ? "" : "s") but '\(ys)' has \(yCount); "
                + "a line needs one x value per y value"
        case .logNonPositive(let axis, let value, let line, let point):
            return "cannot draw \(value) on a logarithmic \(axis) axis ('\(line)' at \(point)); "
                + "plot positive values, or leave '\(axis)' out of 'log'"
        case .learningRateInFit(let optimizer, let value):
            return "learning rate goes in the optimizer: optimizer: \(optimizer)(lr: \(value))"
        case .optimizerOptionInFit(let option, let call):
            return "'\(option)' goes in the optimizer: optimizer: \(call)"
        case .needsValidation(let option):
            return "'\(option)' watches the validation data; add 'validate: DATA' to the options of 'fit'"
        case .monitorUnavailable(let metric, let model):
            return "a \(model) records no \(metric) to monitor; use monitor: \"loss\""
        }
    }

    /// Only an unused `bptt` is a warning.
    public var severity: Severity {
        if case .bpttUnused = self { return .warning }
        return .error
    }

    /// The options of `fit` that only an EchoState takes; it takes no other.
    public static let echoStateOptions: Set<String> = ["ridge", "washout"]

    /// The message for an unknown option of `owner` that belongs elsewhere (`lr` of `fit`), if it is one; a small
    /// number is shown as learning rates are written (`1e-3`).
    public static func misplaced(label: String, owner: String, value expression: Expr, optimizer: String = "Adam") -> TrainingMessage? {
        guard owner == "fit" else { return nil }
        var value = expression.description
        if case .float(let x) = expression.kind, let short = scientific(x) { value = short }
        switch label {
        case "lr", "learning_rate": return .learningRateInFit(optimizer: optimizer, value: value)
        case "weight_decay": return .optimizerOptionInFit(option: label, call: "AdamW(weight_decay: \(value))")
        case "momentum": return .optimizerOptionInFit(option: label, call: "SGD(lr: 0.1, momentum: \(value))")
        default: return nil
        }
    }

    /// The optimizer a `fit`'s `optimizer:` option calls (`SGD` of `optimizer: SGD(…)`), else `Adam`, the default.
    public static func optimizerName(in given: [(label: Identifier?, value: Expr)]) -> String {
        if let named = given.first(where: { $0.label?.text == "optimizer" })?.value,
           case .call(let callee, _) = named.kind, case .identifier(let name) = callee.kind {
            return name
        }
        return "Adam"
    }

    /// `x` as `1e-3` or `2.5e-4` (its shortest round-trip digits) when it is positive and below 0.01; nil otherwise.
    static func scientific(_ x: Double) -> String? {
        guard x > 0, x < 0.01 else { return nil }
        let text = "\(x)"
        var mantissa: Substring, exponent: Int
        if let e = text.firstIndex(of: "e") {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        } else {
            let fraction = text.dropFirst(2)  // "0.000ddd"
            let zeros = fraction.prefix { $0 == "0" }.count
            let digits = fraction.dropFirst(zeros)
            mantissa = digits.prefix(1) + (digits.count > 1 ? "." + digits.dropFirst() : "")
            exponent = -(zeros + 1)
        }
        if mantissa.hasSuffix(".0") { mantissa = mantissa.dropLast(2) }
        return "\(mantissa)e\(exponent)"
    }

    /// Whether a model of `kind` records `metric` in its history, so that `monitor:` can watch it.
    public static func records(_ metric: String, kind: ModelKind) -> Bool {
        switch metric {
        case "accuracy": return [.classifier, .tagger, .seq2seq].contains(kind)
        case "perplexity": return kind == .languageModel
        default: return true
        }
    }

    /// ` (task.adding)` after the data's counts, when its origin is known.
    private static func shown(_ origin: String?) -> String {
        origin.map { " (\($0))" } ?? ""
    }
}

/// The messages about a cell declaration (`cell Name(hidden) { … }`) and its use, shared by the checker and the
/// interpreter; widths are written as `(hidden)`, or `(hidden=32)` once the sizes are known.
public enum CellMessage: DiagnosticMessage, Hashable {
    /// A header without `hidden`.
    case noHidden(cell: String)
    /// `input` (the layer's input width) declared as a size, parameter or state.
    case inputReserved
    /// A name declared twice in one cell (sizes, parameters, the step's input and states).
    case nameTwice(name: String, line: Int, column: Int)
    /// A cell named after a builtin.
    case nameTaken(name: String)
    /// A second cell with the same name.
    case cellTwice(name: String, line: Int, column: Int)
    /// A cell's name used without a call.
    case cellNotCalled(name: String, example: String)
    /// A shape, state width or slice bound that is not a whole-number size.
    case notASize(expression: String)
    /// An unknown name where a size is needed.
    case unknownSize(name: String, suggestion: String?)
    /// A width that is not positive for every choice of sizes (or, when known, is not).
    case sizeNotPositive(what: String, width: String)
    /// `param()` or `param(a, b, c)`.
    case parameterAxes(name: String, count: Int)
    /// An unknown `init:` scheme.
    case unknownInit(name: String, suggestion: String?)
    /// An option `param` does not take.
    case unknownOption(label: String, suggestion: String?)
    /// `init: "orthogonal"` or `"identity"` on a vector, or `std:` without `init: "normal"`.
    case initNeedsMatrix(scheme: String, name: String)
    /// An option value of the wrong kind (`init: true`, `std: "x"`).
    case optionValue(label: String, expected: String)
    /// A parameter the step never reads.
    case unusedParameter(name: String)
    /// Element-wise arithmetic on values of different widths; `suggestion` is a product that would fit.
    case widthMismatch(verb: String, left: String, right: String, suggestion: String?)
    /// `W @ v` with `v` not as wide as `W` has columns.
    case matmulWidth(parameter: String, shape: String, operand: String, takes: String, suggestion: String?)
    /// Something other than a matrix parameter on the left of `@`.
    case matmulLeft(expression: String)
    /// A matrix parameter used as a value.
    case matrixAsValue(name: String)
    /// An unknown function in a step.
    case unknownFunction(name: String, suggestion: String?)
    /// A function of the step called with the wrong arguments; `usage` shows the right call.
    case functionArguments(name: String, usage: String)
    /// `chunk` anywhere but as the whole value of an assignment to several names.
    case chunkAlone
    /// Several names assigned from something other than `chunk`, or as many names as parts not given.
    case chunkCount(names: Int, parts: Int)
    /// `chunk` of a width the count does not divide.
    case chunkUneven(width: String, parts: Int)
    /// A step assigning to a parameter or a size.
    case assignToParameter(name: String)
    /// An index that is not a range.
    case sliceNotRange
    /// A slice beyond the value's features.
    case sliceOutOfRange(lower: String, upper: String, width: String)
    /// An operator a step does not have.
    case operatorInStep(op: String)
    /// An expression a step cannot hold (text, lists, records, members, comparisons).
    case notInStep(expression: String)
    /// A number where a value with features is needed.
    case numberAsValue(expression: String)
    /// No `return` at the end of the step.
    case noReturn(cell: String)
    /// A line after the `return`.
    case afterReturn
    /// `return` with the wrong number of values; `example` is a right one.
    case returnCount(given: Int, states: String, example: String)
    /// A new state of the wrong width.
    case stateWidth(state: String, expected: String, got: String)
    /// The output not `hidden` wide.
    case outputWidth(expected: String, got: String)
    /// The first state not `hidden` wide.
    case firstStateWidth(state: String, got: String)
    /// `@` outside a cell's step.
    case matmulOutsideCell

    /// Every message of this type belongs to the language.
    public static let domain = "UnrollLanguage"

    /// The message as users read it.
    public var text: String {
        switch self {
        case .noHidden(let cell):
            return "cell '\(cell)' must name 'hidden' among its sizes, as in 'cell \(cell)(hidden)'"
        case .inputReserved:
            return "'input' is the width of the layer's input, known when the model is built; choose another name"
        case .nameTwice(let name, let line, let column):
            return "'\(name)' is already declared at \(line):\(column) in this cell; choose another name"
        case .nameTaken(let name):
            return "'\(name)' is a builtin; give the cell another name"
        case .cellTwice(let name, let line, let column):
            return "cell '\(name)' is already declared at \(line):\(column); give this one another name"
        case .cellNotCalled(let name, let example):
            return "'\(name)' is a cell; call it as '\(example)'"
        case .notASize(let expression):
            return "'\(expression)' is not a size; write a whole number, 'hidden', 'input' or the cell's sizes, "
                + "combined with + - * and exact /"
        case .unknownSize(let name, let suggestion):
            return "unknown size '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" }
                ?? "; sizes are 'input' and the ones the cell's header names")
        case .sizeNotPositive(let what, let width):
            return "the width \(width) of \(what) is not positive"
        case .parameterAxes(let name, let count):
            return "'\(name)' has \(count) size\(count == 1 ? "" : "s"); a parameter is a vector 'param(hidden)' or a "
                + "matrix 'param(hidden, input)'"
        case .unknownInit(let name, let suggestion):
            return "unknown init '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" }
                ?? "; use \(CellPlanInitializer.names.map { "'\($0)'" }.joined(separator: ", ")) or a number")
        case .unknownOption(let label, let suggestion):
            return "unknown option '\(label)' for 'param'" + (suggestion.map { "; did you mean '\($0)'?" }
                ?? "; 'param' takes 'init:' and 'std:'")
        case .initNeedsMatrix(let scheme, let name):
            return "init '\(scheme)' needs a matrix, and '\(name)' is a vector; use 'zeros', 'uniform' or a number"
        case .optionValue(let label, let expected):
            return "'\(label):' of 'param' expects \(expected)"
        case .unusedParameter(let name):
            return "parameter '\(name)' is never used in 'step'"
        case .widthMismatch(let verb, let left, let right, let suggestion):
            return "cannot \(verb) \(left) and \(right)" + (suggestion.map { "; did you mean \($0)?" } ?? "")
        case .matmulWidth(let parameter, let shape, let operand, let takes, let suggestion):
            return "cannot apply '@' to \(parameter) \(shape) and \(operand); \(parameter) takes \(takes)"
                + (suggestion.map { "; did you mean \($0)?" } ?? "")
        case .matmulLeft(let expression):
            return "the left side of '@' must be a matrix parameter, as in 'W @ x', got '\(expression)'"
        case .matrixAsValue(let name):
            return "'\(name)' is a matrix; multiply it with a value, as in '\(name) @ x'"
        case .unknownFunction(let name, let suggestion):
            return "unknown function '\(name)' in 'step'" + (suggestion.map { "; did you mean '\($0)'?" }
                ?? "; a step has sigmoid, tanh, relu, exp, log, softmax, concat and chunk")
        case .functionArguments(let name, let usage):
            return "'\(name)' is called as '\(usage)'"
        case .chunkAlone:
            return "'chunk' splits a value into names; write it alone after '=', as in 'i, f, g, o = chunk(z, 4)'"
        case .chunkCount(let names, let parts):
            return parts == 1 ? "\(names) names are assigned one value; split a value with 'chunk(z, \(names))'"
                : "'chunk' gives \(parts) values but \(names) name\(names == 1 ? " is" : "s are") assigned"
        case .chunkUneven(let width, let parts):
            return "cannot split \(width) into \(parts) equal parts"
        case .assignToParameter(let name):
            return "'\(name)' is a parameter or size of the cell and cannot be assigned in 'step'; choose another name"
        case .sliceNotRange:
            return "features are taken with a range, as in 'z[0...hidden-1]' (both ends included)"
        case .sliceOutOfRange(let lower, let upper, let width):
            return "the slice \(lower)...\(upper) is out of range for \(width) features, numbered 0 to one less than the width"
        case .operatorInStep(let op):
            return "'\(op)' does not apply to a cell's values; a step uses + - * / and @"
        case .notInStep(let expression):
            return "'\(expression)' cannot be used in 'step'; a step computes with its input, states, parameters and numbers"
        case .numberAsValue(let expression):
            return "'\(expression)' is a number, not a value with features; combine it with one, as in '\(expression) * h'"
        case .noReturn(let cell):
            return "the 'step' of cell '\(cell)' must end with 'return output, new states…'"
        case .afterReturn:
            return "'return' must be the last line of 'step'"
        case .returnCount(let given, let states, let example):
            return "'step' returns \(given) value\(given == 1 ? "" : "s"); it must return the output, then the new "
                + "\(states), as in '\(example)'"
        case .stateWidth(let state, let expected, let got):
            return "the new state '\(state)' must be \(expected) wide, as the state is declared, got \(got)"
        case .outputWidth(let expected, let got):
            return "the output must be \(expected) wide (the layer's width), got \(got)"
        case .firstStateWidth(let state, let got):
            return "the first state '\(state)' is the hidden state and must be (hidden) wide, got \(got); "
                + "give other widths to later states"
        case .matmulOutsideCell:
            return "'@' multiplies a cell's parameter and a value; it works only inside a cell's 'step'"
        }
    }

    /// Warnings: a parameter never used.
    public var severity: Severity {
        if case .unusedParameter = self { return .warning }
        return .error
    }

    /// The replacement a did-you-mean offers for the name the message points at (a width mismatch points at its
    /// operator, so its suggested product is text only).
    public var suggestion: String? {
        switch self {
        case .unknownSize(_, let s), .unknownInit(_, let s), .unknownOption(_, let s), .unknownFunction(_, let s):
            return s
        default:
            return nil
        }
    }
}
