import UnrollDiagnostics
import UnrollFileIO
import UnrollTestSupport
import XCTest

/// Every message of the file module, rendered, and the catalog covering every case.
final class WriteMessageTests: XCTestCase {
    private static let source = "Sources/UnrollFileIO/FileIOMessages.swift"

    private static let messages: [(WriteMessage, String)] = [
        (.noSpace(path: "output/x.html"),
         "no space left on device while writing 'output/x.html'; nothing was changed; free some space and run again"),
        (.cannotWrite(path: "output/x.md", reason: "permission denied"),
         "cannot write 'output/x.md': permission denied; nothing was changed"),
        (.overInput(destination: "./data.md", input: "data.md"),
         "'./data.md' would overwrite 'data.md', which this run reads; Unroll never overwrites its inputs: write to "
             + "another folder, such as '--out output'"),
        (.overBaseline(destination: "notebooks/baselines/x.json", notebook: "notebooks/x.md"),
         "'notebooks/baselines/x.json' is the baseline of 'notebooks/x.md'; 'unroll run' never writes baselines "
             + "('unroll check --update' does): write to another folder, such as '--out output'"),
        (.foreignFolder(folder: "./data", entry: "poems.txt"),
         "the report folder './data' holds 'poems.txt', which Unroll did not write; Unroll keeps its figures and "
             + "saved files apart from other files: write to another folder, such as '--out output'"),
        (.fileInTheWay(path: "output/x"),
         "a file is in the way of the report folder 'output/x'; move it, or write to another folder with --out"),
        (.unfinishedSwap(path: "output/x.json", reason: "is a directory", staging: "output/.unroll-commit-1-0123abcd"),
         "cannot move the new 'output/x.json' into place: is a directory; the new files wait in "
             + "'output/.unroll-commit-1-0123abcd' and the next run into this folder finishes replacing the old ones"),
    ]

    func testEveryMessageReads() {
        for (message, text) in Self.messages {
            XCTAssertEqual(message.text, text)
            XCTAssertEqual(message.id.domain, "UnrollFileIO")
            XCTAssertEqual(FileSetError(message).description, text)
        }
    }

    func testTheCatalogCoversEveryCase() throws {
        try MessageCoverage.assertCovers(Self.messages.map(\.0.id), enum: "WriteMessage", in: Self.source)
    }
}
