import Foundation
import XCTest

/// A fresh folder under the system's temporary directory, removed with everything in it when the object goes away.
public final class TemporaryFolder {
    /// The folder's absolute path.
    public let path: String

    /// Creates the folder, named `prefix` followed by a unique suffix.
    public init(prefix: String = "unroll-tests") {
        path = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The folder as a file URL.
    public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// Writes `text` as UTF-8 to `name` (a relative path; missing folders are created) and returns the file's path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }

    /// Writes raw `bytes` to `name` (a relative path; missing folders are created) and returns the file's path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) -> String {
        let file = path + "/" + name
        let parent = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }
}

extension XCTestCase {
    /// Creates a fresh directory under the system's temporary directory, named `prefix` and a unique suffix, that is
    /// removed with its contents when the current test ends.
    public func makeTemporaryDirectory(prefix: String = "unroll-tests") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

/// The repository's root folder, found from this source file's place in it (Tests/UnrollTestSupport/…).
public let repositoryRoot: String = {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
}()
