import UnrollTensor
import XCTest

/// Runs `body` with the kernels on instruction-set path `path` and `threads` threads (with the team's back-off
/// under load switched off, so that two threads really run), then restores the settings; throws `XCTSkip` (a
/// visible skip, naming the path) when this CPU does not run that path.
public func withKernels<T>(_ path: String, threads: Int, _ body: () throws -> T) throws -> T {
    let savedPath = Kernels.instructionSet, savedThreads = Kernels.threads, savedBackOff = Kernels.backsOffUnderLoad
    defer {
        Kernels.select(savedPath)
        Kernels.setThreads(savedThreads)
        Kernels.backsOffUnderLoad = savedBackOff
    }
    Kernels.backsOffUnderLoad = false
    guard Kernels.select(path) else {
        throw XCTSkip("this CPU does not run the \(path) kernels, so that path is not compared")
    }
    Kernels.setThreads(threads)
    return try body()
}

/// The positions and values where two float arrays differ bit for bit (at most `limit` of them), for messages.
public func bitDifferences(_ a: [Float], _ b: [Float], limit: Int = 3) -> String {
    guard a.count == b.count else { return "sizes differ: \(a.count) and \(b.count)" }
    let diffs = zip(a, b).enumerated().filter { $0.element.0.bitPattern != $0.element.1.bitPattern }
    if diffs.isEmpty { return "" }
    let shown = diffs.prefix(limit).map { "[\($0.offset)] \($0.element.0) vs \($0.element.1)" }.joined(separator: ", ")
    return "\(diffs.count) of \(a.count) values differ: \(shown)"
}
