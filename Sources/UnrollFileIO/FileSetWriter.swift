import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a set of files into an output folder so that they replace the previous set together or not at all:
/// the one writer of reports, run records, figures, saved files and baselines.
///
/// Every file is first written (and flushed) into a staging folder `.unroll-staging-PID-X` inside the output
/// folder, with a journal of the renames that will move them into place. Renaming the staging folder to
/// `.unroll-commit-PID-X` is the commit: before it the previous files are untouched, after it the journal is
/// carried out (by this run, or by the next write into the folder if this one was killed). The files of the
/// set's own folder (`NAME/`) are listed in its `.unroll-manifest`; a later set removes only files listed
/// there, never one Unroll did not write. See ARCHITECTURE.md, "Writing a run's files".
public struct FileSetWriter: Sendable {
    /// The output folder (created if missing).
    public let directory: String
    /// The `write(2)` the files go through (replaced in tests).
    public let calls: WriteCalls

    /// A writer into `directory`.
    public init(directory: String, calls: WriteCalls = .system) {
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.calls = calls
    }

    /// Writes `files` (paths relative to the output folder: plain names, or `folder/` and a plain name) together
    /// and returns their paths in the order given. `folder` is the set's own folder, whose earlier files (by its
    /// manifest) the set replaces, except those `keeping` accepts, which stay. A file to write that is one of
    /// `inputs` (the files the run read) is refused. Throws `FileSetError`; unless it is `unfinishedSwap`, nothing
    /// in the output folder has changed.
    @discardableResult
    public func write(_ files: [OutputFile], folder: String? = nil, keeping: (String) -> Bool = { _ in false },
                      inputs: [String] = []) throws -> [String] {
        for file in files {
            let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
            precondition(SwapJournal.isInside(file.path) && (parts.count == 1 || String(parts[0]) == folder)
                         && !file.path.hasSuffix(FolderManifest.fileName),
                         "'\(file.path)' must be a plain name or one inside the set's folder")
        }
        precondition(folder.map(FolderManifest.isPlainName) ?? true, "the set's folder must be a plain name")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw FileSetError(.cannotWrite(path: directory, reason: "cannot create the folder"))
        }
        try Self.recover(in: directory)
        let destinations = files.map { place($0.path) }
        if let refusal = Self.refusal(writing: destinations, folder: folder.map(place), over: inputs) { throw refusal }
        for destination in destinations where FileIdentity.isFolder(destination) {
            throw FileSetError(.cannotWrite(path: destination, reason: "a folder is in the way"))
        }
        let steps = folderSteps(files, folder: folder, keeping: keeping)
        try commitAndSwap(files + steps.manifest, steps: steps.puts + files.filter { !$0.path.contains("/") }.map {
            .put($0.path)
        } + steps.removals)
        return destinations
    }

    /// The path of `relative` in the output folder.
    private func place(_ relative: String) -> String { directory + "/" + relative }

    /// The folder part of a set: the puts of its files and manifest, the removals of files it replaces, and
    /// its new manifest (none when the folder is left with no files of Unroll's).
    private func folderSteps(_ files: [OutputFile], folder: String?, keeping: (String) -> Bool)
        -> (puts: [SwapJournal.Step], removals: [SwapJournal.Step], manifest: [OutputFile]) {
        guard let folder else { return ([], [], []) }
        let path = place(folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        where StagingName.isAtomicTemporary(name) {
            try? FileManager.default.removeItem(atPath: path + "/" + name)
        }
        let newNames = files.filter { $0.path.contains("/") }.map { String($0.path.dropFirst(folder.count + 1)) }
        let old = FolderManifest.read(folder: path) ?? Self.earlierFiles(in: path)
        let replaced = (old?.names ?? []).filter { !newNames.contains($0) }
        let kept = replaced.filter { keeping($0) && FileIdentity.isRegularFile(path + "/" + $0) }
        let manifest = FolderManifest(names: newNames + kept)
        var puts = newNames.map { SwapJournal.Step.put(folder + "/" + $0) }
        var removals = replaced.filter { !kept.contains($0) }.map { SwapJournal.Step.remove(folder + "/" + $0) }
        let manifestPath = folder + "/" + FolderManifest.fileName
        guard manifest.names.isEmpty else {
            puts.append(.put(manifestPath))
            return (puts, removals, [OutputFile(path: manifestPath, text: manifest.text)])
        }
        if old != nil { removals += [.remove(manifestPath), .removeFolderIfEmpty(folder)] }
        return (puts, removals, [])
    }

    /// Stages `files`, commits them with the journal of `steps` and carries it out.
    private func commitAndSwap(_ files: [OutputFile], steps: [SwapJournal.Step]) throws {
        let stagingName = StagingName.fresh()
        let staging = place(stagingName)
        guard mkdir(staging, 0o755) == 0 else {
            throw FileSetError(writing: place(files.first?.path ?? ""), SystemCallError(path: staging))
        }
        let committed = place(StagingName.committed(stagingName))
        do {
            var folders = Set<String>()
            for file in files {
                let parent = (file.path as NSString).deletingLastPathComponent
                if !parent.isEmpty, folders.insert(parent).inserted, mkdir(staging + "/" + parent, 0o755) != 0 {
                    throw FileSetError(writing: place(file.path), SystemCallError(path: staging + "/" + parent))
                }
                do {
                    try AtomicFile.writeNew(file.contents, to: staging + "/" + file.path, calls: calls, sync: true)
                } catch let failure as SystemCallError {
                    throw FileSetError(writing: place(file.path), failure)
                }
            }
            do {
                let journal = Data(SwapJournal(steps: steps).text.utf8)
                try AtomicFile.writeNew(journal, to: staging + "/" + SwapJournal.fileName, calls: calls, sync: true)
            } catch let failure as SystemCallError {
                throw FileSetError(writing: place(files.first?.path ?? ""), failure)
            }
            for parent in folders { Self.flush(folder: staging + "/" + parent) }
            Self.flush(folder: staging)
            do {
                try AtomicFile.rename(staging, to: committed)
            } catch let failure as SystemCallError {
                throw FileSetError(writing: place(files.first?.path ?? ""), failure)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
        Self.flush(folder: directory)
        try Self.finish(committed, steps: SwapJournal(steps: steps), in: directory)
    }

    /// Carries out a committed folder's journal, then removes the folder.
    private static func finish(_ committed: String, steps: SwapJournal, in directory: String) throws {
        do {
            try steps.apply(from: committed, to: directory)
        } catch let failure as SystemCallError {
            throw FileSetError(.unfinishedSwap(path: failure.path, reason: failure.message.lowercased(), staging: committed))
        }
        flush(folder: directory)
        try? FileManager.default.removeItem(atPath: committed)
    }

    /// Serialises the clean-up of stale staging folders between the threads of this process.
    private static let recovery = NSLock()

    /// Removes what interrupted runs of Unroll left in `directory`: a staging folder of a process that is no
    /// longer running is removed (its set never replaced anything), a commit folder's journal is finished
    /// first, and `AtomicFile` temporary files are removed. Nothing else is touched.
    public static func recover(in directory: String) throws {
        recovery.lock()
        defer { recovery.unlock() }
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted() {
            let path = directory + "/" + name
            if let parsed = StagingName.parse(name) {
                guard parsed.pid != getpid(), !StagingName.isRunning(parsed.pid) else { continue }
                if parsed.committed, let data = FileManager.default.contents(atPath: path + "/" + SwapJournal.fileName),
                   let journal = SwapJournal(text: String(decoding: data, as: UTF8.self)) {
                    try finish(path, steps: journal, in: directory)
                } else {
                    try? FileManager.default.removeItem(atPath: path)
                }
            } else if StagingName.isAtomicTemporary(name) {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }

    /// Why writing `destinations` (and the set's `folder`) must be refused: one of them is an input (the same
    /// file, however spelled), the folder holds something Unroll did not write, or a file stands where the
    /// folder goes; nil when the set may be written.
    public static func refusal(writing destinations: [String], folder: String?, over inputs: [String]) -> FileSetError? {
        let identities = inputs.compactMap { input in FileIdentity(input).map { ($0, input) } }
        for destination in destinations {
            guard let identity = FileIdentity(destination) else { continue }
            if let input = identities.first(where: { $0.0 == identity }) {
                return FileSetError(.overInput(destination: destination, input: input.1))
            }
        }
        guard let folder, FileIdentity.exists(folder) else { return nil }
        guard FileIdentity.isFolder(folder) else { return FileSetError(.fileInTheWay(path: folder)) }
        if let identity = FileIdentity(folder), let input = identities.first(where: { $0.0 == identity }) {
            return FileSetError(.overInput(destination: folder, input: input.1))
        }
        guard FolderManifest.read(folder: folder) == nil else { return nil }
        // A folder without a manifest is taken as Unroll's (written before manifests) only when it holds
        // nothing but figures and saved files.
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        let foreign = entries.first { !isEarlierFile($0, in: folder) && !StagingName.isAtomicTemporary($0) }
        return foreign.map { FileSetError(.foreignFolder(folder: folder, entry: $0)) }
    }

    /// The files of a report folder written before manifests existed (the folder passed `refusal`, so it holds
    /// only figures and saved files) as a manifest; nil when there is no such folder.
    private static func earlierFiles(in folder: String) -> FolderManifest? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        return FolderManifest(names: names.filter { isEarlierFile($0, in: folder) })
    }

    /// Whether `name` in `folder` is a file an Unroll without manifests wrote there: a figure or a saved file.
    private static func isEarlierFile(_ name: String, in folder: String) -> Bool {
        FolderManifest.isPlainName(name) && (name.hasSuffix(".svg") || name.hasSuffix(".safetensors"))
            && FileIdentity.isRegularFile(folder + "/" + name)
    }

    /// Flushes a folder's entries to the disk (best effort: some file systems do not sync folders).
    private static func flush(folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }
}
