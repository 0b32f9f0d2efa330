import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The steps that move a complete staged set into the output folder, kept in the staging folder as
/// `.unroll-journal` so that a run interrupted while moving can be finished by the next one. Every step can be
/// repeated: a staged file already moved is skipped, a file already removed is fine.
struct SwapJournal: Equatable {
    /// The journal's file name inside the staging folder.
    static let fileName = ".unroll-journal"

    /// One step, with a path relative to the output folder (`NAME.html`, `NAME/loss.svg`).
    enum Step: Equatable {
        /// Rename the staged file at the same relative path over this one.
        case put(String)
        /// Remove this file (one Unroll wrote before and the new set no longer has).
        case remove(String)
        /// Remove this folder if nothing is left in it.
        case removeFolderIfEmpty(String)
    }

    /// The steps, in order.
    var steps: [Step]

    /// One step a line: `put PATH`, `remove PATH`, `rmdir PATH`.
    var text: String {
        steps.map { step -> String in
            switch step {
            case .put(let path): return "put " + path + "\n"
            case .remove(let path): return "remove " + path + "\n"
            case .removeFolderIfEmpty(let path): return "rmdir " + path + "\n"
            }
        }.joined()
    }

    /// The journal in `text`; nil when a line is not a step or names a path outside the output folder.
    init?(text: String) {
        var steps: [Step] = []
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, Self.isInside(parts[1]) else { return nil }
            switch parts[0] {
            case "put": steps.append(.put(parts[1]))
            case "remove": steps.append(.remove(parts[1]))
            case "rmdir": steps.append(.removeFolderIfEmpty(parts[1]))
            default: return nil
            }
        }
        self.steps = steps
    }

    /// A journal of `steps`.
    init(steps: [Step]) {
        self.steps = steps
    }

    /// Carries out the steps from the staging folder `staging` into `directory`; throws the `SystemCallError`
    /// of the first step that fails (the steps before it stay done, and running it again continues).
    func apply(from staging: String, to directory: String) throws {
        for step in steps {
            switch step {
            case .put(let path):
                let source = staging + "/" + path
                guard access(source, F_OK) == 0 else { continue }
                let parent = (path as NSString).deletingLastPathComponent
                if !parent.isEmpty, mkdir(directory + "/" + parent, 0o755) != 0, errno != EEXIST {
                    throw SystemCallError(path: directory + "/" + parent)
                }
                try AtomicFile.rename(source, to: directory + "/" + path)
            case .remove(let path):
                if unlink(directory + "/" + path) != 0, errno != ENOENT { throw SystemCallError(path: directory + "/" + path) }
            case .removeFolderIfEmpty(let path):
                _ = rmdir(directory + "/" + path)
            }
        }
    }

    /// Whether `path` stays inside the output folder: one or two plain components, the second possibly the
    /// folder's manifest.
    static func isInside(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1: return FolderManifest.isPlainName(parts[0])
        case 2: return FolderManifest.isPlainName(parts[0])
            && (FolderManifest.isPlainName(parts[1]) || parts[1] == FolderManifest.fileName)
        default: return false
        }
    }
}
