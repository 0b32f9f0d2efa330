import Foundation

/// Decides which files a notebook may read: those inside its own folder or one of the allowed roots, after
/// `..` and symbolic links are resolved.
struct PathSandbox {
    /// The notebook's folder, resolved.
    let base: String
    /// The folders reads may touch, resolved: the notebook's folder first, then the allowed roots.
    let roots: [String]

    /// A sandbox for a notebook in `notebookDirectory` (relative to the working directory when not absolute),
    /// also allowing `allowedRoots`.
    init(notebookDirectory: String, allowedRoots: [String]) {
        let cwd = FileManager.default.currentDirectoryPath
        base = PathSandbox.resolve(PathSandbox.absolute(notebookDirectory, from: cwd))
        roots = [base] + allowedRoots.map { PathSandbox.resolve(PathSandbox.absolute($0, from: cwd)) }
    }

    /// The resolved absolute path of `path` (relative to the notebook's folder), or nil when it lies outside
    /// every allowed folder.
    func resolve(_ path: String) -> String? {
        let resolved = PathSandbox.resolve(PathSandbox.absolute(path, from: base))
        let inside = roots.contains { root in
            resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        }
        return inside ? resolved : nil
    }

    /// `path` made absolute against `folder`.
    static func absolute(_ path: String, from folder: String) -> String {
        path.hasPrefix("/") ? path : (folder.hasSuffix("/") ? folder : folder + "/") + path
    }

    /// An absolute path with `.`, `..` and symbolic links resolved. For a path that does not exist, its
    /// longest existing ancestor is resolved and the rest appended, so a missing file inside an allowed
    /// folder stays inside it.
    static func resolve(_ path: String) -> String {
        var components: [String] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(part))
            }
        }
        var rest: [String] = []
        while true {
            let candidate = "/" + components.joined(separator: "/")
            if let real = realPath(candidate) {
                if rest.isEmpty { return real }
                return (real == "/" ? "" : real) + "/" + rest.reversed().joined(separator: "/")
            }
            guard let last = components.popLast() else { return "/" + rest.reversed().joined(separator: "/") }
            rest.append(last)
        }
    }

    /// The canonical path of an existing file or folder, or nil.
    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
