import Foundation
import UnrollDiagnostics
import UnrollTestSupport
import XCTest
@testable import UnrollLanguage

/// Renders every message the language defines once, so that a change of wording shows up here, and checks
/// that no case of a message type is left out of the list.
final class MessageCatalogTests: XCTestCase {
    /// The file the message enums are declared in.
    private static let source = "Sources/UnrollLanguage/LanguageMessages.swift"

    private static let calls: [(CallMessage, String)] = [
        (.notAFunction(name: "f", described: "an int"), "'f' is an int, not a function"),
        (.namespaceCalled(name: "task"), "'task' is a namespace; call one of its functions"),
        (.unknownFunction(noun: "layer", name: "LTSM", suggestion: "LSTM"), "unknown layer 'LTSM'; did you mean 'LSTM'?"),
        (.unknownNamespaceFunction(namespace: "task", name: "add", suggestion: nil), "'task' has no function 'add'"),
        (.fieldCalled(name: "a"), "'a' is a field of a record, not a method"),
        (.propertyCalled(name: "vocab", receiver: "Corpus"),
         "'vocab' is a property of Corpus, not a method; write '.vocab' without '()'"),
        (.noSuchMethod(name: "count", described: "a list of int"), "a list of int has no method 'count'"),
        (.notCallable(callee: "1"), "only functions and methods can be called; '1' is neither"),
        (.labelledOnly(owner: "LSTM", noun: "argument", suggestion: "hidden: 64"),
         "'LSTM' takes labelled arguments only; did you mean 'hidden: 64'?"),
        (.tooManyPositional(owner: "round", noun: "argument", accepted: 1, given: 2), "'round' takes 1 positional argument, got 2"),
        (.passByLabel(owner: "sample", accepted: 1, given: 3, suggestion: "sample(lm, prime: \"a\", length: 20)"),
         "'sample' takes 1 positional argument, got 3; pass the others by label, as in 'sample(lm, prime: \"a\", length: 20)'"),
        (.unknownLabel(noun: "option", label: "epoch", owner: "fit", suggestion: "epochs"),
         "unknown option 'epoch' for 'fit'; did you mean 'epochs'?"),
        (.labelOnPositional(label: "x"), "'x' is passed by position; remove the label 'x:'"),
        (.givenTwice(noun: "argument", label: "hidden"), "argument 'hidden' is given twice"),
        (.missing(noun: "argument", parameter: "hidden", owner: "GRU"), "missing required argument 'hidden' for 'GRU'"),
        (.wrongType(noun: "argument", parameter: "hidden", owner: "LSTM", expected: .int, got: .string),
         "argument 'hidden' of 'LSTM' expects int, got string"),
        (.constraintViolated(parameter: "hidden", why: "must be positive, got 0", param: "width"),
         "'hidden' must be positive, got 0 from 'params.width'"),
    ]

    private static let names: [(NameMessage, String)] = [
        (.functionNotCalled(name: "len"), "'len' is a function; call it as 'len(...)'"),
        (.namespaceNotCalled(name: "task", example: "task.adding"),
         "'task' is a namespace; call one of its functions, such as 'task.adding(...)'"),
        (.paramsAsValue, "'params' holds the front-matter params; read one as 'params.NAME'"),
        (.usedBeforeDefinition(name: "x", line: 3, column: 1), "'x' is used before its definition at 3:1"),
        (.localToBlock(name: "y", line: 4, column: 5), "'y' is not defined here; the 'y' at 4:5 is local to its block"),
        (.unknownName(name: "corpsu", suggestion: "corpus"), "unknown name 'corpsu'; did you mean 'corpus'?"),
        (.noParams(name: "lr"), "unknown param 'params.lr'; the front matter defines no params"),
        (.unknownParam(name: "hiden", suggestion: "hidden", known: ["hidden"]),
         "unknown param 'params.hiden'; did you mean 'params.hidden'?"),
        (.unknownField(name: "b", suggestion: nil), "the record has no field 'b'"),
        (.fieldGivenTwice(name: "a"), "field 'a' is given twice"),
        (.methodNotCalled(name: "split", receiver: "Corpus"), "'split' is a method of Corpus; call it as 'split(...)'"),
        (.unknownMember(name: "sise", type: "Corpus", suggestion: "size"), "unknown member 'sise' of Corpus; did you mean 'size'?"),
    ]

    private static let expressions: [(ExpressionMessage, String)] = [
        (.notAnInt(what: "an index", got: .float), "an index must be an int, got float"),
        (.emptyRange(lower: 3, upper: 1), "the range 3...1 is empty; write the smaller end first"),
        (.rangeTooLarge(lower: 0, upper: 9, purpose: "count"),
         "the range 0...9 is too large to count; a range can hold at most 9223372036854775807 ints"),
        (.indexOutOfRange(index: 5, what: "a list", count: 2), "index 5 is out of range for a list of 2"),
        (.notIndexable(type: .int), "cannot index int; only lists, tuples, strings, ranges, Series and Datasets can be indexed"),
        (.cannotNegate(type: .string), "cannot negate string"),
        (.notNeedsBool(got: .int), "'not' needs true or false, got int"),
        (.logicNeedsBools(op: "and", left: .int, right: .bool), "'and' needs true or false on both sides, got int and bool"),
        (.logicNeedsBool(op: "or", got: .string), "'or' needs true or false on both sides, got string"),
        (.cannotCompare(left: .series, right: .float),
         "cannot compare Series with float; use '.last', '.min' or '.max' of the Series for a number"),
        (.cannotOrder(op: "<", left: .string, right: .int), "cannot compare string with int using '<'"),
        (.metricsCompared(op: ">", suggestion: "m.accuracy"),
         "cannot compare a Metrics using '>'; compare one of its numbers, such as 'm.accuracy'"),
        (.sliceOutOfRange(lower: 2, upper: 5, count: 3),
         "the slice 2...5 is out of range for 3 items; a slice takes items 0...2 (or counted from the end, -3...-1)"),
        (.cannotApply(op: "+", left: .string, right: .int), "cannot apply '+' to string and int; convert with 'str(...)' to join text"),
        (.divisionByZero, "division by zero"),
        (.valueTooDeep(limit: 128),
         "this value would nest lists and records deeper than 128 levels; keep the data flatter, as in a list of records"),
        (.integerOverflow(op: "*"),
         "integer overflow in '*'; the result does not fit in a 64-bit int, so compute with floats (write '2.0' for '2')"),
        (.unparsed, "this expression did not parse and cannot run"),
        (.listTooLong(items: 16_777_216, limit: 10_000_000),
         "this list would have 16777216 items, more than the 10000000 a list may hold; build a smaller list, or keep large data in a data file"),
        (.stringTooLong(bytes: 134_217_728, limit: 100_000_000),
         "this string would have 134217728 bytes, more than the 100000000 a string may hold; build a shorter string"),
        (.tensorIndexed, "a Tensor cannot be indexed; look tensors up by name in Tensors (from load_tensors or state_dict), such as t[\"x\"]"),
        (.tensorKeyNotString(got: .int), "tensors are looked up by name, such as t[\"x\"], got int"),
    ]

    private static let statements: [(StatementMessage, String)] = [
        (.assignToBuiltin(name: "text"), "cannot assign to 'text'; it is a builtin name"),
        (.nameTwiceOnLeft(name: "a"), "'a' appears twice on the left of '='"),
        (.unpackCount(values: 3, names: 2), "cannot unpack 3 values into 2 names"),
        (.unpackType(type: .int, names: 2), "cannot unpack int into 2 names; only tuples and lists can be unpacked"),
        (.noValueToAssign(expression: "fit"), "'fit' gives no value to assign"),
        (.noValueFor(expression: "x", keyword: "show"), "'x' has no value to show"),
        (.conditionNotBool(keyword: "if", got: .int), "'if' needs a condition that is true or false, got int"),
        (.cannotLoop(type: .int), "cannot loop over int; 'for' takes a list, a range or a Series"),
        (.seedNotInt(got: .float), "'seed' needs an int, got float"),
        (.negativeSeed(value: -1), "'seed' must be non-negative, got -1"),
        (.unusedValue(expression: "x"), "the value of 'x' is not used; write 'show x' to display it"),
    ]

    private static let training: [(TrainingMessage, String)] = [
        (.notAModel(model: "corpus", described: "a Corpus"), "cannot fit 'corpus': it is a Corpus, not a model"),
        (.notData(got: .int), "'fit' needs data (a Corpus or a Dataset) after 'on', got int"),
        (.wrongData(model: "Classifier", trainsOn: "labelled texts", described: "a Corpus"),
         "a Classifier trains on labelled texts, not on a Corpus"),
        (.inputFeatures(have: 1, origin: "task.sine", model: "net", want: 2),
         "the data has 1 input feature per step (task.sine), but 'net' expects 2"),
        (.targetValues(have: 2, origin: nil, model: "net", want: 1), "the data has 2 target values per example, but 'net' predicts 1"),
        (.bpttUnused(model: "Classifier"), "'bptt' only applies to language models; a Classifier reads whole sequences"),
        (.seq2seqOnly(option: "decay", model: "Tagger"), "'decay' only applies to a Seq2Seq, not a Tagger"),
        (.notPlottable(type: .int),
         "cannot plot int; 'plot' takes a History, a Series, a list of numbers, or a list of those"),
        (.echoStateOnly(option: "ridge", model: "Regressor"), "'ridge' only applies to an EchoState, not a Regressor"),
        (.closedForm(option: "epochs"),
         "'epochs' does not apply to an EchoState: its readout is solved in closed form; its options are 'ridge' and 'washout'"),
        (.washoutTooLong(washout: 300, steps: 200),
         "a washout of 300 steps leaves nothing of a sequence of 200 steps; use a 'washout' below 200"),
        (.xAxisNotNumbers(type: .history),
         "the x axis of 'plot xs, ys' must be a list of numbers, got History; "
            + "to draw several values in one figure, put them in a list: 'plot [a, b]'"),
        (.historyAgainstAxis(axis: "xs"),
         "a History is drawn against its own epochs, not against 'xs'; plot it on its own, "
            + "or plot one of its curves (history.train.loss) against 'xs'"),
        (.pointCounts(xs: "xs", xCount: 1, ys: "ys", yCount: 2), "'xs' has 1 value but 'ys' has 2; a line needs one x value per y value"),
        (.logNonPositive(axis: "y", value: "0", line: "b", at: "x = 3"),
         "cannot draw 0 on a logarithmic y axis ('b' at x = 3); plot positive values, or leave 'y' out of 'log'"),
        (.learningRateInFit(optimizer: "SGD", value: "1e-3"), "learning rate goes in the optimizer: optimizer: SGD(lr: 1e-3)"),
        (.optimizerOptionInFit(option: "weight_decay", call: "AdamW(weight_decay: 0.01)"),
         "'weight_decay' goes in the optimizer: optimizer: AdamW(weight_decay: 0.01)"),
        (.needsValidation(option: "patience"),
         "'patience' watches the validation data; add 'validate: DATA' to the options of 'fit'"),
        (.monitorUnavailable(metric: "accuracy", model: "Regressor"),
         "a Regressor records no accuracy to monitor; use monitor: \"loss\""),
    ]

    private static let syntax: [(SyntaxMessage, String)] = [
        (.unterminatedString, "unterminated string; add '\"' before the end of the line"),
        (.unknownEscape(character: "q"), "unknown escape '\\q' in string; use '\\\\' for a backslash"),
        (.malformedNumber(text: "1e"), "malformed number '1e'; expected digits after the exponent"),
        (.numberTooLarge(text: "1e999"), "number '1e999' is too large"),
        (.integerTooLarge(text: "99999999999999999999"), "integer '99999999999999999999' is too large"),
        (.foreignOperator(text: "&&", hint: "use 'and'"), "unexpected '&&'; use 'and'"),
        (.unexpectedCharacter(character: "!", hint: "use 'not' for negation"), "unexpected character '!'; use 'not' for negation"),
        (.expected(expectation: "expected ')' after the arguments", found: "end of line"),
         "expected ')' after the arguments, found end of line"),
        (.expectedExpressionAfter(context: "'='", found: "end of line"), "expected an expression after '=', found end of line"),
        (.expectedExpression(found: "')'"), "expected an expression, found ')'"),
        (.expectedEndOfLine(found: "'x'"), "expected end of line after the statement, found 'x'"),
        (.unclosedBlock(opened: "3:12", found: "end of cell"), "expected '}' to close the block started at 3:12, found end of cell"),
        (.chainedComparison, "comparisons cannot be chained; join them with 'and', as in 'a < b and b < c'"),
        (.keywordAssigned(keyword: "fit"), "'fit' is a keyword and cannot be assigned; choose another name"),
        (.elseWithoutIf, "'else' must follow the '}' of an 'if' block"),
        (.cannotAssignExpression(expression: "a.b"), "cannot assign to 'a.b'; only plain names can be assigned"),
        (.colonSlice(suggestion: "x[0...1]"), "slices use '...' and include both ends, not ':'; write 'x[0...1]'"),
        (.unknownStatement(name: "pritn", suggestion: "print"), "unknown statement 'pritn'; did you mean 'print'?"),
        (.positionalAfterLabelled(label: "tokens"),
         "positional argument after the labelled argument 'tokens'; put positional arguments first"),
        (.nestingTooDeep(limit: 128, token: "'('"),
         "nesting deeper than 128 at '('; give inner parts names with '=' and use the names"),
        (.chainTooLong(link: "'+'", limit: 128),
         "a chain of '+' nesting deeper than 128 links; compute parts of it into names ('part = …') and combine the names"),
        (.cellBodyLine(cell: "Elman", found: "'print'"), "expected a parameter ('W = param(hidden, input)') or 'step(x, h) { … }' in cell 'Elman', found 'print'"),
        (.cellStepTwice(cell: "Elman"), "cell 'Elman' has a second 'step'; a cell has exactly one"),
        (.cellWithoutStep(cell: "Elman"), "cell 'Elman' has no 'step'; add 'step(x, h) { … return output, h }'"),
        (.cellParameterNotParam(cell: "Elman", name: "z"), "'z' in cell 'Elman' must be a parameter, as in 'z = param(hidden, input)'; compute values inside 'step'"),
        (.stepArguments(cell: "Elman"), "the 'step' of cell 'Elman' takes the input and at least one state, as in 'step(x, h)'"),
        (.stepInputWidth(name: "x"), "the input 'x' has the layer's input width, called 'input'; remove its width"),
        (.stepLine(found: "'print'"), "expected an assignment or 'return' in 'step', found 'print'"),
    ]

    private static let cells: [(CellMessage, String)] = [
        (.noHidden(cell: "Elman"), "cell 'Elman' must name 'hidden' among its sizes, as in 'cell Elman(hidden)'"),
        (.inputReserved, "'input' is the width of the layer's input, known when the model is built; choose another name"),
        (.nameTwice(name: "W", line: 3, column: 3), "'W' is already declared at 3:3 in this cell; choose another name"),
        (.nameTaken(name: "LSTM"), "'LSTM' is a builtin; give the cell another name"),
        (.cellTwice(name: "Elman", line: 2, column: 6), "cell 'Elman' is already declared at 2:6; give this one another name"),
        (.cellNotCalled(name: "Elman", example: "Elman(hidden: 32)"), "'Elman' is a cell; call it as 'Elman(hidden: 32)'"),
        (.notASize(expression: "hidden / 2"), "'hidden / 2' is not a size; write a whole number, 'hidden', 'input' or the cell's sizes, combined with + - * and exact /"),
        (.unknownSize(name: "hiden", suggestion: "hidden"), "unknown size 'hiden'; did you mean 'hidden'?"),
        (.sizeNotPositive(what: "'W'", width: "(hidden - 40=-8)"), "the width (hidden - 40=-8) of 'W' is not positive"),
        (.parameterAxes(name: "W", count: 3), "'W' has 3 sizes; a parameter is a vector 'param(hidden)' or a matrix 'param(hidden, input)'"),
        (.unknownInit(name: "orthogonl", suggestion: "orthogonal"), "unknown init 'orthogonl'; did you mean 'orthogonal'?"),
        (.unknownOption(label: "gain", suggestion: nil), "unknown option 'gain' for 'param'; 'param' takes 'init:' and 'std:'"),
        (.initNeedsMatrix(scheme: "orthogonal", name: "b"), "init 'orthogonal' needs a matrix, and 'b' is a vector; use 'zeros', 'uniform' or a number"),
        (.optionValue(label: "std", expected: "a positive number"), "'std:' of 'param' expects a positive number"),
        (.unusedParameter(name: "V"), "parameter 'V' is never used in 'step'"),
        (.widthMismatch(verb: "add", left: "(hidden)", right: "(input)", suggestion: "W_xh @ x"), "cannot add (hidden) and (input); did you mean W_xh @ x?"),
        (.matmulWidth(parameter: "W_hh", shape: "(hidden, hidden)", operand: "(input)", takes: "(hidden)", suggestion: "W_xh @ x"), "cannot apply '@' to W_hh (hidden, hidden) and (input); W_hh takes (hidden); did you mean W_xh @ x?"),
        (.matmulLeft(expression: "x"), "the left side of '@' must be a matrix parameter, as in 'W @ x', got 'x'"),
        (.matrixAsValue(name: "W"), "'W' is a matrix; multiply it with a value, as in 'W @ x'"),
        (.unknownFunction(name: "tanhh", suggestion: "tanh"), "unknown function 'tanhh' in 'step'; did you mean 'tanh'?"),
        (.functionArguments(name: "tanh", usage: "tanh(z)"), "'tanh' is called as 'tanh(z)'"),
        (.chunkAlone, "'chunk' splits a value into names; write it alone after '=', as in 'i, f, g, o = chunk(z, 4)'"),
        (.chunkCount(names: 2, parts: 3), "'chunk' gives 3 values but 2 names are assigned"),
        (.chunkUneven(width: "(hidden)", parts: 4), "cannot split (hidden) into 4 equal parts"),
        (.assignToParameter(name: "W"), "'W' is a parameter or size of the cell and cannot be assigned in 'step'; choose another name"),
        (.sliceNotRange, "features are taken with a range, as in 'z[0...hidden-1]' (both ends included)"),
        (.sliceOutOfRange(lower: "hidden", upper: "2 * hidden", width: "(2 * hidden)"), "the slice hidden...2 * hidden is out of range for (2 * hidden) features, numbered 0 to one less than the width"),
        (.operatorInStep(op: "%"), "'%' does not apply to a cell's values; a step uses + - * / and @"),
        (.notInStep(expression: "\"a\""), "'\"a\"' cannot be used in 'step'; a step computes with its input, states, parameters and numbers"),
        (.numberAsValue(expression: "1"), "'1' is a number, not a value with features; combine it with one, as in '1 * h'"),
        (.noReturn(cell: "Elman"), "the 'step' of cell 'Elman' must end with 'return output, new states…'"),
        (.afterReturn, "'return' must be the last line of 'step'"),
        (.returnCount(given: 1, states: "h, c", example: "return h, h, c"), "'step' returns 1 value; it must return the output, then the new h, c, as in 'return h, h, c'"),
        (.stateWidth(state: "c", expected: "(hidden)", got: "(2 * hidden)"), "the new state 'c' must be (hidden) wide, as the state is declared, got (2 * hidden)"),
        (.outputWidth(expected: "(hidden)", got: "(input)"), "the output must be (hidden) wide (the layer's width), got (input)"),
        (.firstStateWidth(state: "h", got: "(input)"), "the first state 'h' is the hidden state and must be (hidden) wide, got (input); give other widths to later states"),
        (.matmulOutsideCell, "'@' multiplies a cell's parameter and a value; it works only inside a cell's 'step'"),
    ]

    func testEveryMessageRendersAsWritten() {
        for (message, text) in Self.syntax { XCTAssertEqual(message.text, text, "\(message.id)") }
        for (message, text) in Self.training { XCTAssertEqual(message.text, text, "\(message.id)") }
        for (message, text) in Self.calls { XCTAssertEqual(message.text, text, "\(message.id)") }
        for (message, text) in Self.names { XCTAssertEqual(message.text, text, "\(message.id)") }
        for (message, text) in Self.expressions { XCTAssertEqual(message.text, text, "\(message.id)") }
        for (message, text) in Self.statements { XCTAssertEqual(message.text, text, "\(message.id)") }
        for (message, text) in Self.cells { XCTAssertEqual(message.text, text, "\(message.id)") }
    }

    func testTheListsCoverEveryCase() throws {
        try MessageCoverage.assertCovers(Self.calls.map(\.0.id), enum: "CallMessage", in: Self.source)
        try MessageCoverage.assertCovers(Self.names.map(\.0.id), enum: "NameMessage", in: Self.source)
        try MessageCoverage.assertCovers(Self.expressions.map(\.0.id), enum: "ExpressionMessage", in: Self.source)
        try MessageCoverage.assertCovers(Self.statements.map(\.0.id), enum: "StatementMessage", in: Self.source)
        try MessageCoverage.assertCovers(Self.training.map(\.0.id), enum: "TrainingMessage", in: Self.source)
        try MessageCoverage.assertCovers(Self.syntax.map(\.0.id), enum: "SyntaxMessage", in: Self.source)
        try MessageCoverage.assertCovers(Self.cells.map(\.0.id), enum: "CellMessage", in: Self.source)
    }

    func testSmallNumbersInFixSuggestionsAreWrittenAsLearningRates() {
        XCTAssertEqual(TrainingMessage.scientific(0.001), "1e-3")
        XCTAssertEqual(TrainingMessage.scientific(3e-4), "3e-4")
        XCTAssertEqual(TrainingMessage.scientific(2.5e-4), "2.5e-4")
        XCTAssertEqual(TrainingMessage.scientific(1e-5), "1e-5")
        XCTAssertEqual(TrainingMessage.scientific(0.005), "5e-3")
        XCTAssertNil(TrainingMessage.scientific(0.01))
        XCTAssertNil(TrainingMessage.scientific(0))
    }

    func testIdentifiersAndArgumentsComeFromTheCase() {
        let message = CallMessage.unknownLabel(noun: "option", label: "epoch", owner: "fit", suggestion: nil)
        XCTAssertEqual(message.id, MessageID(domain: "UnrollLanguage", id: "unknownLabel"))
        XCTAssertEqual(message.arguments, ["option", "epoch", "fit", "nil"])
        XCTAssertEqual(NameMessage.paramsAsValue.id.description, "UnrollLanguage.paramsAsValue")
        XCTAssertEqual(NameMessage.paramsAsValue.arguments, [])
        XCTAssertEqual(StatementMessage.negativeSeed(value: -1).arguments, ["-1"])
        XCTAssertEqual(StatementMessage.unusedValue(expression: "x").severity, .warning)
        XCTAssertEqual(NameMessage.unknownParam(name: "a", suggestion: "b", known: ["b"]).suggestion, "params.b")
    }
}
