import Foundation
import UnrollTestSupport
import XCTest

/// Runs the built `unroll` binary, as a user would, and captures what it prints.
struct UnrollProcess {
    /// What one invocation produced.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `unroll` executable next to the test bundle in the build products folder.
    static var executable: URL {
        var dir = Bundle(for: Marker.self).bundleURL
        while dir.pathComponents.count > 1 {
            let candidate = dir.appendingPathComponent("unroll")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/unroll")
    }

    /// Runs `unroll arguments…` (or `program arguments…`) in `directory` and waits for it; `environment` sets
    /// variables on top of this process's environment (a nil value removes one).
    static func run(_ arguments: [String], in directory: URL, environment: [String: String?] = [:],
                    program: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = program ?? executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            var variables = ProcessInfo.processInfo.environment
            for (name, value) in environment { variables[name] = value }
            process.environment = variables
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes are drained at once: a process that fills one while the other is read would block forever.
        let errBox = DataBox()
        let reader = Thread { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); errBox.done.signal() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errBox.done.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    private final class Marker {}

    /// What the stderr reader thread read, and a signal that it has finished.
    private final class DataBox: @unchecked Sendable {
        var data = Data()
        let done = DispatchSemaphore(value: 0)
    }
}

/// Runs `git arguments…` in `root` with a fixed identity and no signing, failing the test if git fails; returns
/// what it printed on standard output.
@discardableResult
func git(_ arguments: [String], in root: URL, file: StaticString = #filePath, line: UInt = #line) throws -> String {
    let result = try UnrollProcess.run(["git", "-c", "user.name=Unroll Test", "-c", "user.email=test@example.com",
                                        "-c", "commit.gpgsign=false"] + arguments,
                                       in: root, program: URL(fileURLWithPath: "/usr/bin/env"))
    XCTAssertEqual(result.status, 0, "git \(arguments): \(result.stderr)", file: file, line: line)
    return result.stdout
}

/// A fresh temporary folder with a `notebooks/` subfolder, removed at the end of the test.
func makeWorkspace(_ test: XCTestCase) throws -> URL {
    let root = try test.makeTemporaryDirectory(prefix: "unroll-e2e")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
    return root
}

/// Writes `text` to `path` under `root`.
func write(_ text: String, to path: String, in root: URL) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
}

/// The text of `path` under `root`.
func read(_ path: String, in root: URL) throws -> String {
    try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
}
