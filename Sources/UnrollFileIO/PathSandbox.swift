import Foundation

/// Decides which files a notebook may read, and opens them: those inside its own folder or one of the allowed
/// roots, after `..` and symbolic links are resolved.
///
/// The one place a notebook's reads are checked. `open` checks the file it has opened (its descriptor's path
/// as the kernel reports it), not the path it was given, so a folder swapped for a symbolic link between a
/// check and the open cannot lead a read outside. Symbolic links are followed: one inside the folder that
/// leads inside it (or into an allowed root) works; one that leads anywhere else is refused.
public struct PathSandbox: Sendable {
    /// The notebook's folder, resolved.
    public let base: String
    /// The folders reads may touch, resolved: the notebook's folder first, then the allowed roots.
    public let roots: [String]

    /// A sandbox for a notebook in `notebookDirectory` (relative to the working directory when not absolute),
    /// also allowing `allowedRoots`.
    public init(notebookDirectory: String, allowedRoots: [String]) {
        let cwd = FileManager.default.currentDirectoryPath
        base = PathSandbox.resolve(PathSandbox.absolute(notebookDirectory, from: cwd))
        roots = [base] + allowedRoots.map { PathSandbox.resolve(PathSandbox.absolute($0, from: cwd)) }
    }

    /// The resolved absolute path of `path` (relative to the notebook's folder), or nil when it lies outside
    /// every allowed folder. This is a check of the path's text as it stands now, used to word a refusal
    /// (outside, rather than missing); `open` is the check that holds.
    public func resolve(_ path: String) -> String? {
        let resolved = PathSandbox.resolve(PathSandbox.absolute(path, from: base))
        return contains(resolved) ? resolved : nil
    }

    /// Whether the canonical path `resolved` is one of the roots or lies under one.
    public func contains(_ resolved: String) -> Bool {
        roots.contains { root in resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") }
    }

    /// Opens the regular file `path` (relative to the notebook's folder) for reading, refusing it with a
    /// `SandboxError` unless the file opened lies inside the folder or an allowed root.
    public func open(_ path: String) throws -> OpenedFile {
        guard resolve(path) != nil else { throw SandboxError.outside }
        return try OpenedFile(path: PathSandbox.absolute(path, from: base), inside: self)
    }

    /// `path` made absolute against `folder`.
    public static func absolute(_ path: String, from folder: String) -> String {
        path.hasPrefix("/") ? path : (folder.hasSuffix("/") ? folder : folder + "/") + path
    }

    /// An absolute path with `.`, `..` and symbolic links resolved. For a path that does not exist, its
    /// longest existing ancestor is resolved and the rest appended, so a missing file inside an allowed
    /// folder stays inside it.
    public static func resolve(_ path: String) -> String {
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
