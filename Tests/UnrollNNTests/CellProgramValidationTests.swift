import UnrollNN
import XCTest

/// `CellProgram.validate()`, the second line of defence behind the language's checker: each kind of wrong program
/// is an error naming the instruction and the widths, never a trap.
final class CellProgramValidationTests: XCTestCase {
    private func error(_ program: CellProgram, file: StaticString = #filePath, line: UInt = #line) -> CellProgramError? {
        do {
            try program.validate()
            XCTFail("the program validated", file: file, line: line)
            return nil
        } catch let error as CellProgramError {
            return error
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
            return nil
        }
    }

    func testTheReferenceProgramsValidate() throws {
        for program in [CellProgramBuilder.elman(input: 3, hidden: 4), CellProgramBuilder.lstm(input: 3, hidden: 4),
                        CellProgramBuilder.gru(input: 3, hidden: 4), CellProgramBuilder.lstmByGate(input: 3, hidden: 4)] {
            XCTAssertNoThrow(try program.validate())
        }
    }

    func testAddingValuesOfDifferentWidthsNamesBothWidths() {
        var b = CellProgramBuilder(input: 16, hidden: 32, states: [32])
        let w = b.parameter("W_hh", [32, 32])
        let x = b.x(), h = b.state(0)
        let sum = b.emit(.add(b.matmul(w, h), x), 32)
        let e = error(b.finish(output: sum, states: [sum]))
        XCTAssertEqual(e?.instruction, 3)
        XCTAssertEqual(e?.message, "instruction 3 (add): widths 32 (instruction 2) and 16 (instruction 0) differ")
    }

    func testAProductThatDoesNotFitNamesTheParameterAndTheWidths() {
        var b = CellProgramBuilder(input: 16, hidden: 32, states: [32])
        let w = b.parameter("W_xh", [32, 32])
        let x = b.x()
        let p = b.emit(.matmul(parameter: w, operand: x), 32)
        XCTAssertEqual(error(b.finish(output: p, states: [p]))?.message,
                       "instruction 1 (matmul): cannot multiply 'W_xh' [32, 32] by instruction 0 of width 16; it needs width 32")
    }

    func testAnOperandThatIsNotEarlierIsAnError() {
        var b = CellProgramBuilder(input: 2, hidden: 2, states: [2])
        let t = b.emit(.tanh(1), 2)
        _ = b.x()
        XCTAssertEqual(error(b.finish(output: t, states: [t]))?.message,
                       "instruction 0 (tanh): operand 1 is not an earlier instruction (operands must come before their use)")
    }

    func testAWrongDeclaredWidthIsAnError() {
        var b = CellProgramBuilder(input: 2, hidden: 3, states: [3])
        let x = b.x()
        let s = b.emit(.slice(x, start: 0, end: 2), 3)
        XCTAssertEqual(error(b.finish(output: s, states: [s]))?.message,
                       "instruction 1 (slice): has width 3, but features 0..<2 is 2 wide")
        var c = CellProgramBuilder(input: 2, hidden: 3, states: [3])
        let y = c.x()
        let bad = c.emit(.slice(y, start: 1, end: 4), 3)
        XCTAssertEqual(error(c.finish(output: bad, states: [bad]))?.message,
                       "instruction 1 (slice): features 1..<4 are not inside instruction 0 of width 2")
    }

    func testANewStateOfTheWrongWidthNamesTheStateAndBothWidths() {
        var b = CellProgramBuilder(input: 3, hidden: 3, states: [3, 4])
        let x = b.x(), h = b.state(0)
        let t = b.unary(CellOp.tanh, b.add(x, h))
        let e = error(b.finish(output: t, states: [t, t]))
        XCTAssertEqual(e?.message, "new state 1 (instruction 3) has width 3, but state 1 has width 4")
        XCTAssertEqual(error(b.finish(output: t, states: [t]))?.message, "the step returns 1 new states for 2 states")
    }

    func testTheOutputAndTheHiddenStateMustBeHiddenWide() {
        var b = CellProgramBuilder(input: 2, hidden: 3, states: [2])
        let x = b.x()
        XCTAssertEqual(error(b.finish(output: x, states: [x]))?.message,
                       "state 0 (the hidden state) has width 2, expected the hidden size 3")
        var c = CellProgramBuilder(input: 2, hidden: 3, states: [3])
        let y = c.x(), h = c.state(0)
        XCTAssertEqual(error(c.finish(output: y, states: [h]))?.message,
                       "the output (instruction 0) has width 2, expected the hidden size 3")
    }

    func testParametersAreChecked() {
        var b = CellProgramBuilder(input: 2, hidden: 2, states: [2])
        _ = b.parameter("W", [2, 2])
        _ = b.parameter("W", [2])
        let h = b.state(0)
        XCTAssertEqual(error(b.finish(output: h, states: [h]))?.message, "parameter 1 'W' is declared twice")
        var c = CellProgramBuilder(input: 2, hidden: 2, states: [2])
        _ = c.parameter("Q", [3, 2], .orthogonal)
        let k = c.state(0)
        XCTAssertEqual(error(c.finish(output: k, states: [k]))?.message,
                       "parameter 0 'Q' has shape [3, 2]; orthogonal needs a square matrix or a stack of square blocks "
                       + "(rows a multiple of columns)")
        var d = CellProgramBuilder(input: 2, hidden: 2, states: [2])
        let m = d.parameter("M", [2, 2])
        let v = d.emit(.parameter(m), 2)
        XCTAssertEqual(error(d.finish(output: v, states: [v]))?.message,
                       "instruction 0 (parameter): parameter 'M' has shape [2, 2]; only a vector can be used element-wise (a matrix needs @)")
    }

    func testOnlyAConstantBroadcasts() {
        var b = CellProgramBuilder(input: 1, hidden: 3, states: [3])
        let x = b.x(), h = b.state(0)
        XCTAssertEqual(error(b.finish(output: b.mul(x, h), states: [h]))?.message,
                       "instruction 2 (mul): widths 1 (instruction 0) and 3 (instruction 1) differ")
        var c = CellProgramBuilder(input: 1, hidden: 3, states: [3])
        let k = c.state(0)
        let scaled = c.mul(c.constant(2), k)
        XCTAssertNoThrow(try c.finish(output: scaled, states: [scaled]).validate())
    }

    func testATemplateReportsABuilderWithOtherWidths() {
        let template = CellProgramBuilder.template("Fixed") { _, hidden in CellProgramBuilder.elman(input: 3, hidden: hidden) }
        XCTAssertThrowsError(try RecurrentSpec(cell: template, hidden: 4, layers: 2).validateCell(inputSize: 3)) { error in
            XCTAssertEqual("\(error)", "cell 'Fixed': built for input 3 and hidden 4, asked for input 4 and hidden 4")
        }
        XCTAssertNoThrow(try RecurrentSpec(cell: template, hidden: 4).validateCell(inputSize: 3))
    }
}
