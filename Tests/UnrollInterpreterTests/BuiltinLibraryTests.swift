import XCTest
@testable import UnrollInterpreter
@testable import UnrollLanguage

/// The library's builtins: every signature is well formed and fits its implementation's kind.
final class BuiltinLibraryTests: XCTestCase {
    private let builtins = BuiltinLibrary.standard.catalog
    private var everything: [Signature] { builtins.functions + builtins.members + builtins.statementOptions }

    func testTheBriefsBuiltinsAreAllThere() {
        let names = ["text", "csv", "tagged", "task.adding", "task.copy", "task.reverse", "task.sine",
                     "LanguageModel", "Classifier", "Tagger", "Regressor", "RNN", "LSTM", "GRU",
                     "SGD", "Adam", "AdamW", "RMSprop", "Adagrad", "Step", "Cosine", "Plateau", "evaluate", "accuracy", "perplexity", "predict", "sample",
                     "confusion", "classification_report", "segmentation_f1", "segmentation_report", "entity_f1",
                     "entity_report", "table", "len", "round", "min", "max", "mean",
                     "EchoState", "task.mackey_glass", "task.narma", "nrmse", "forecast", "forecast_nrmse"]
        for name in names { XCTAssertNotNil(builtins.function(named: name), name) }
        let members = [("Corpus", "vocab"), ("Corpus", "split"), ("Dataset", "split"), ("Dataset", "size"),
                       ("Model", "history"), ("History", "train"), ("History", "valid"), ("Metrics", "loss"),
                       ("Metrics", "accuracy"), ("Metrics", "perplexity"), ("Series", "last"), ("Series", "first"),
                       ("Series", "min"), ("Series", "max"), ("Series", "count"), ("list", "count")]
        for (receiver, name) in members { XCTAssertNotNil(builtins.member(name, of: receiver), "\(receiver).\(name)") }
        XCTAssertEqual(builtins.options(of: "fit")?.parameters?.map(\.name),
                       ["epochs", "batch", "bptt", "optimizer", "clip", "clip_value", "validate", "schedule", "patience", "monitor",
                        "keep_best", "shuffle", "teacher_forcing", "teacher_forcing_end", "decay", "plot", "title",
                        "ridge", "washout"])
        XCTAssertEqual(builtins.namespaces, ["task"])
        XCTAssertEqual(builtins.functions(in: "task").map(\.name), ["task.adding", "task.copy", "task.reverse", "task.sort", "task.addition", "task.sine",
                                                                       "task.mackey_glass", "task.narma"])
    }

    func testEveryEntryIsDocumentedAndWellFormed() {
        for signature in everything {
            let name = signature.qualifiedName
            XCTAssertTrue(signature.doc.hasSuffix("."), name)
            XCTAssertTrue(signature.doc.first!.isUppercase, name)
            let parameters = signature.parameters ?? []
            XCTAssertEqual(Set(parameters.map(\.name)).count, parameters.count, "\(name): duplicate parameter")
            // Positional parameters first, and required ones before optional ones among them.
            let firstLabelled = parameters.firstIndex { !$0.isPositional } ?? parameters.count
            XCTAssertTrue(parameters[firstLabelled...].allSatisfy { !$0.isPositional }, name)
            let positional = parameters[..<firstLabelled]
            let firstOptional = positional.firstIndex { !$0.isRequired } ?? positional.endIndex
            XCTAssertTrue(positional[firstOptional...].allSatisfy { !$0.isRequired }, name)
            for p in parameters { XCTAssertFalse(p.doc.isEmpty, "\(name).\(p.name)") }
        }
    }

    func testDefaultsHaveTheRightTypeAndFollowTheirConstraints() {
        for signature in everything {
            for p in signature.parameters ?? [] {
                let label = "\(signature.qualifiedName).\(p.name)"
                switch p.defaultValue {
                case .value(let v):
                    XCTAssertTrue(v.type.isAssignable(to: p.type), "\(label): default \(v) is not \(p.type)")
                    if let c = p.constraint { XCTAssertNil(c.violation(by: v), label) }
                case .call(let function):
                    let f = builtins.function(named: function)
                    XCTAssertNotNil(f, label)
                    XCTAssertTrue(f?.parameters?.allSatisfy { !$0.isRequired } ?? false, "\(label): \(function)() needs arguments")
                    XCTAssertTrue((f?.result ?? .unknown).isAssignable(to: p.type), label)
                case .required, .absent:
                    break
                }
            }
        }
    }

    func testMembersBelongToTypesThatHaveMembers() {
        let receivers: [ValueType] = [.string, .range, .list(.int), .tuple([]), .corpus, .vocabulary, .anyDataset,
                                      .anyModel, .history, .curves, .series, .metrics, .table, .tensor, .tensors]
        let names = Set(receivers.compactMap(\.receiverName))
        for member in builtins.members { XCTAssertTrue(names.contains(member.receiver!), member.qualifiedName) }
    }

    func testRulesRefineResults() {
        let regressor = builtins.function(named: "Regressor")!
        let facts = CallFacts(arguments: ["inputs": ArgumentFact(type: .int, constant: .int(3), range: .init(start: .init(file: "f", line: 1, column: 1)))],
                              defaults: ["outputs": .int(1)])
        XCTAssertEqual(regressor.rule?(facts).result, .model(ModelFacts(kind: .regressor, inputs: 3, outputs: 1)))
        let split = builtins.member("split", of: "Dataset")!
        let tagged = ValueType.dataset(.tagged)
        XCTAssertEqual(split.rule?(CallFacts(receiver: tagged, arguments: [:])).result, .tuple([tagged, tagged]))
        let classes = builtins.member("classes", of: "Dataset")!
        XCTAssertEqual(classes.rule?(CallFacts(receiver: tagged, arguments: [:])).problems.map(\.message),
                       ["'classes' is only defined for labelled texts; this Dataset holds tagged sequences"])
    }

    func testEverySignatureHasAnImplementationOfItsShape() {
        let library = BuiltinLibrary.standard
        for builtin in library.builtins {
            XCTAssertNil(builtin.shapeProblem, builtin.signature.qualifiedName)
        }
        for function in builtins.functions {
            XCTAssertNotNil(library.function(named: function.name), "no implementation of \(function.name)")
        }
        for member in builtins.members {
            let implemented = member.isProperty ? library.property(member.name, of: member.receiver!) != nil
                : library.method(member.name, of: member.receiver!) != nil
            XCTAssertTrue(implemented, "no implementation of \(member.qualifiedName)")
        }
        let counted = builtins.functions.count + builtins.members.count + builtins.statementOptions.count
        XCTAssertEqual(counted, library.builtins.count, "every builtin is in the catalog exactly once")
    }

    func testAShapeThatDoesNotFitItsImplementationIsFound() {
        let property = Signature(name: "size", receiver: "Corpus", family: .members, parameters: nil, result: .int, doc: "Size.")
        XCTAssertNotNil(Builtin.function(property) { _, _ in .int(0) }.shapeProblem)
        XCTAssertNotNil(Builtin.method(property) { _, _, _ in .int(0) }.shapeProblem)
        XCTAssertNil(Builtin.property(property) { _, _, _ in .int(0) }.shapeProblem)
        let function = Signature(name: "f", family: .utility, parameters: [], result: .int, doc: "F.")
        XCTAssertNotNil(Builtin.property(function) { _, _, _ in .int(0) }.shapeProblem)
        XCTAssertNotNil(Builtin.statement(function).shapeProblem)
    }
}
