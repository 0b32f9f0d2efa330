import XCTest
import UnrollData
import UnrollTensor

final class ClassificationDatasetTests: XCTestCase {
    let csv = """
    id,text,label
    1,"Win a FREE prize, now!",spam
    2,see you at noon,ham
    3,free lunch at noon?, ham
    4,"Call now, win",spam

    """

    func testLoadsTextsAndSortedLabels() throws {
        let data = try ClassificationDataset(csv: try CSVTable(parsing: csv, name: "m.csv"))
        XCTAssertEqual(data.labelNames, ["ham", "spam"])
        XCTAssertEqual(data.examples.map(\.label), [1, 0, 0, 1])
        XCTAssertEqual(data.classCounts, [2, 2])
        XCTAssertEqual(data.classCount, 2)
        XCTAssertEqual(data.count, 4)
        XCTAssertEqual(data.vocabulary.decode(data.examples[0].tokens), ["win", "a", "free", "prize", ",", "now", "!"])
        XCTAssertEqual(data.vocabulary.decode(data.examples[2].tokens), ["free", "lunch", "at", "noon", "?"])
        XCTAssertEqual(data.encode("FREE pizza"), [data.vocabulary.index(of: "free"), 1])
        // "free", "at", "noon", "now", "win" and "," appear twice; ties by code point.
        XCTAssertEqual(Array(data.vocabulary.tokens[2..<8]), [",", "at", "free", "noon", "now", "win"])
    }

    func testCharacterUnitsAndCaseAreOptions() throws {
        let table = try CSVTable(parsing: "text,label\nAb,x\n", name: "c.csv")
        let data = try ClassificationDataset(csv: table, unit: .char, lowercase: false)
        XCTAssertEqual(data.vocabulary.decode(data.examples[0].tokens), ["A", "b"])
        XCTAssertEqual(data.unit, .char)
    }

    func testGivenLabelNamesAndVocabulary() throws {
        let train = try ClassificationDataset(csv: try CSVTable(parsing: csv, name: "m.csv"))
        let test = try ClassificationDataset(
            csv: try CSVTable(parsing: "text,label\nfree win,spam\nhello,ham\n", name: "t.csv"),
            vocabulary: train.vocabulary, labelNames: train.labelNames)
        XCTAssertEqual(test.examples.map(\.label), [1, 0])
        XCTAssertEqual(test.examples[1].tokens, [1])
        XCTAssertThrowsError(try ClassificationDataset(
            csv: try CSVTable(parsing: "text,label\nhi,spm\n", name: "t.csv"), labelNames: ["ham", "spam"])) { error in
            XCTAssertEqual((error as? DataError)?.message,
                           "t.csv:2: unknown label 'spm'; did you mean 'spam'? (available: 'ham', 'spam')")
        }
    }

    func testErrors() throws {
        let table = try CSVTable(parsing: csv, name: "m.csv")
        XCTAssertThrowsError(try ClassificationDataset(csv: table, textColumn: "txt")) { error in
            XCTAssertEqual((error as? DataError)?.message,
                           "m.csv: unknown column 'txt'; did you mean 'text'? (available: 'id', 'text', 'label')")
        }
        XCTAssertThrowsError(try ClassificationDataset(csv: try CSVTable(parsing: "text,label\n", name: "h.csv"))) {
            XCTAssertEqual(($0 as? DataError)?.message, "h.csv: has a header but no data rows")
        }
        XCTAssertThrowsError(try ClassificationDataset(csv: try CSVTable(parsing: "text,label\na,x\n\" \",y\n",
                                                                          name: "e.csv"))) {
            XCTAssertEqual(($0 as? DataError)?.message, "e.csv:3: empty text in column 'text'")
        }
        XCTAssertThrowsError(try ClassificationDataset(csv: try CSVTable(parsing: "text,label\na, \n", name: "e.csv"))) {
            XCTAssertEqual(($0 as? DataError)?.message, "e.csv:2: empty label in column 'label'")
        }
        XCTAssertThrowsError(try ClassificationDataset(contentsOfFile: "/nonexistent/spam.csv")) {
            XCTAssertEqual(($0 as? DataError)?.message, "/nonexistent/spam.csv: no such file")
        }
    }

    func testSplitIsShuffledDeterministicallyAndKeepsMetadata() throws {
        var rows = "text,label\n"
        for i in 0..<10 { rows += "w\(i),\(i % 2 == 0 ? "even" : "odd")\n" }
        let data = try ClassificationDataset(csv: try CSVTable(parsing: rows, name: "d.csv"))
        var rng = RandomGenerator(seed: 42)
        let (train, test) = try data.split(fraction: 0.8, rng: &rng)
        XCTAssertEqual(train.count, 8)
        XCTAssertEqual(test.count, 2)
        XCTAssertEqual(train.vocabulary, data.vocabulary)
        XCTAssertEqual(test.labelNames, ["even", "odd"])
        let words = { (d: ClassificationDataset) in d.examples.map { d.vocabulary.decode($0.tokens)[0] } }
        XCTAssertEqual(Set(words(train) + words(test)), Set((0..<10).map { "w\($0)" }))
        XCTAssertEqual(words(test), ["w3", "w0"])
        var again = RandomGenerator(seed: 42)
        let (train2, _) = try data.split(fraction: 0.8, rng: &again)
        XCTAssertEqual(train2.examples, train.examples)
    }
}
