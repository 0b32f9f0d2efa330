import Foundation

/// Turns the paths given on the command line into the notebook files to run.
public enum NotebookDiscovery {
    /// Files are taken as they are; a folder contributes its `*.md` files (not recursively), sorted by name.
    /// Duplicates are dropped, keeping the first. A path that does not exist is a usage error.
    public static func notebooks(in paths: [String]) throws -> [String] {
        var found: [String] = []
        var seen = Set<String>()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw UsageError("no such file or folder '\(path)'")
            }
            let files: [String]
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                files = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted().map { base + "/" + $0 }
                    .filter { !isFolder($0) }
                if files.isEmpty { throw UsageError("no notebooks (*.md files) in the folder '\(path)'") }
            } else {
                files = [path]
            }
            for file in files where seen.insert(standardized(file)).inserted { found.append(file) }
        }
        return found
    }

    /// A usage error when two of `files` have the same report name and would write the same files into one
    /// folder (`what`, such as `output/NAME.*`); nil when every name is unique.
    public static func collision(in files: [String], writing what: String) -> UsageError? {
        var first: [String: String] = [:]
        for file in files {
            let name = reportName(of: file)
            if let other = first[name] {
                return UsageError("'\(other)' and '\(file)' would both write \(what.replacingOccurrences(of: "NAME", with: name)); "
                    + "rename one, or run them with separate --out folders")
            }
            first[name] = file
        }
        return nil
    }

    /// The report name of a notebook: its file name without `.md`.
    public static func reportName(of path: String) -> String {
        let file = (path as NSString).lastPathComponent
        return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
