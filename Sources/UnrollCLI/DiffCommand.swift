import ArgumentParser
import Foundation
import UnrollDiff
import UnrollFileIO
import UnrollNotebook
import UnrollRecord
import UnrollRunner

/// `unroll diff`: compares two run records, or a notebook's records at two git revisions, as Markdown or HTML.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two run records (or a notebook at two git revisions) as a Markdown or HTML report.",
        discussion: """
        unroll diff A.json B.json compares two run records (output/NAME.json from 'unroll run', or a baseline \
        notebooks/baselines/NAME.json), A old and B new. unroll diff notebooks/NAME.md --from REV compares the \
        notebook's baseline baselines/NAME.json as committed at REV (read with 'git show', run in the notebook's \
        folder) with, by default, the working tree's record: output/NAME.json (or --out DIR/NAME.json) when it \
        exists, else the baseline on disk; with --to REV2, with the baseline at REV2.

        The report says first what differs in how the records were made (notebook and edited cells, params, seed, \
        data files, Unroll version), then a table of changed values (cell, output, key, old, new, abs and rel diff, \
        and the verdict against the tolerance 'unroll check' would apply: the cell's check=/rtol=/atol= as \
        recorded, then with --from the front matter's check: tolerances of the notebook on disk, else the exact \
        defaults rtol 1e-6, atol 1e-9), loss curves of both runs in one SVG per changed \
        series (old dashed, new solid), attention tables side by side with their difference, changed text as a \
        word diff, and the unchanged cells in one line. A series line is one row: its last differing point, with \
        how many points differ. Markdown (the default, for a pull-request comment) goes to standard output, or \
        with --output FILE.md to FILE.md with the SVG figures in FILE/ beside it (on standard output the figures \
        are left out, with a note). HTML (--format html) is one self-contained file in the reports' style. \
        The run records' environment objects are never compared.

        Exit status: 0 nothing differs beyond tolerance (identical records say 'no differences'), 1 something \
        does (a value beyond tolerance, or a cell, output, status or shape that changed), 64 bad usage (a missing \
        file, no git, no repository, an unknown revision, a record not in that revision), 65 a file that is not a \
        run record.
        """)

    @Argument(help: ArgumentHelp("Two run records (old, new), or one notebook NAME.md with --from.", valueName: "record-or-notebook"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Compare the notebook's baseline at this git revision (the old side).", valueName: "rev"))
    var from: String?

    @Option(help: ArgumentHelp("With --from: the new side is the baseline at this revision, not the working tree's record.", valueName: "rev"))
    var to: String?

    @Option(help: ArgumentHelp("With --from: the folder of 'unroll run' records for the new side.", valueName: "dir"))
    var out: String = "output"

    @Option(help: ArgumentHelp("Report format: md or html.", valueName: "format"))
    var format: String = "md"

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output (Markdown figures go in the folder named after it).", valueName: "file"))
    var output: String?

    func validate() throws {
        guard format == "md" || format == "html" else {
            throw ValidationError("unknown format '\(format)'; use 'md' or 'html'")
        }
        if output == "" { throw ValidationError("--output needs a file, got an empty string") }
        if out.isEmpty { throw ValidationError("--out needs a folder, got an empty string") }
        if to != nil && from == nil { throw ValidationError(DiffMessage.toWithoutFrom.text) }
        if from != nil ? paths.count != 1 : paths.count != 2 {
            throw ValidationError(DiffMessage.wrongOperands(count: paths.count, withFrom: from != nil).text)
        }
    }

    func run() throws {
        do {
            let sides = try from.map { try DiffInputs.notebook(paths[0], from: $0, to: to, runs: out) }
                ?? DiffInputs.records(old: paths[0], new: paths[1])
            let diff = RecordDiff(old: sides.old.record, new: sides.new.record, notebookSettings: notebookSettings())
            let text: String
            var figures: [(relativePath: String, contents: String)] = []
            if format == "html" {
                text = DiffHTML.render(diff, oldLabel: sides.old.label, newLabel: sides.new.label)
            } else {
                let markdown = DiffMarkdown(diff, oldLabel: sides.old.label, newLabel: sides.new.label,
                                            figureFolder: output.map(DiffWriter.figureFolder(for:)))
                text = markdown.text
                figures = markdown.figures.map { ($0.relativePath, $0.contents) }
            }
            if let output {
                try DiffWriter.write(text, figures: figures, to: output)
                FileHandle.standardOutput.write(Data("\(output): \(diff.summary)\n".utf8))
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
            if diff.differsBeyondTolerance { throw ExitCode(ExitStatus.cellFailed.rawValue) }
        } catch let error as DiffError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode((error.isInvalidRecord ? ExitStatus.invalidNotebook : ExitStatus.usage).rawValue)
        } catch let error as FileSetError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode((error.isRefusal ? ExitStatus.usage : ExitStatus.cellFailed).rawValue)
        }
    }

    /// With `--from`: the tolerances of the notebook's front matter (`check:`) as it is on disk, which the run
    /// record does not keep; nil when the notebook is gone or does not parse, and for two record files.
    private func notebookSettings() -> CheckSettings? {
        guard from != nil, let source = try? String(contentsOfFile: paths[0], encoding: .utf8),
              let notebook = try? NotebookParser.parse(path: paths[0], source: source) else { return nil }
        let tolerances = notebook.frontMatter.check
        return CheckSettings(relativeTolerance: tolerances.rtol, absoluteTolerance: tolerances.atol)
    }
}
