import UnrollDiagnostics
import UnrollRecord

/// Run records built the same way for every test target that reads, writes or compares them.
public enum RecordFixtures {
    /// A run record that uses every kind of output and every optional field (timings only when asked), for
    /// round-trip tests.
    public static func fullRecord(timings: Bool = false) -> RunRecord {
        let history = SeriesOutput(
            title: "loss", xLabel: "epoch", yLabel: "cross-entropy",
            lines: [
                SeriesLine(name: "train", y: [2.5, 1.75, 1.2000000476837158, 0.9]),
                SeriesLine(name: "valid", x: [1, 2, 3, 4], y: [2.6, .nan, 1.4, .infinity]),
            ])
        let table = TableOutput(
            title: "confusion", columns: ["ham", "spam"], rowHeaders: ["ham", "spam"],
            rows: [[.number(40), .number(2)], [.text("n/a"), .number(.nan)]])
        let attention = HeatmapOutput(
            title: "attention", rowLabels: ["9", "5"], columnLabels: ["3", "1", "4"],
            values: [[0.1, 0.2, 0.7], [0.05, 0.9, 0.05]])
        let train = CellRecord(
            id: "train", index: 0, sourceLine: 12, status: .passed,
            check: CheckSettings(mode: .loose, relativeTolerance: 1e-3, absoluteTolerance: 1e-6),
            outputs: [
                .series("lm/history", history),
                .scalar("print-1", 0.125, label: "accuracy"),
                .scalar("print-2", -.infinity),
                .text("print-3", "床前明月光\n<script>alert(1)</script> \"quoted\""),
                .table("table-1", table),
                .heatmap("attention-1", attention),
            ],
            seconds: timings ? 1.5 : nil)
        let failing = CellRecord(
            id: "cell-2", index: 1, sourceLine: 30, status: .failed,
            error: CellError(
                message: "expected 'lm.history.valid.perplexity.last < 30', got 31.5",
                location: SourceLocation(file: "notebooks/poems.md", line: 33, column: 8)),
            outputs: [], seconds: timings ? 0.25 : nil)
        let skipped = CellRecord(id: "cell-3", index: 2, sourceLine: 40, status: .skipped)
        let notRun = CellRecord(id: "demo", index: 3, sourceLine: 50, status: .notRun, check: CheckSettings())
        return RunRecord(
            notebookPath: "notebooks/poems.md", notebookSource: "# Poems\n", unrollVersion: "0.1.0", seed: 7,
            params: [
                Parameter(name: "hidden", value: .int(64)),
                Parameter(name: "epochs", value: .int(3)),
                Parameter(name: "lr", value: .double(0.003)),
                Parameter(name: "cell", value: .string("LSTM")),
                Parameter(name: "bidirectional", value: .bool(true)),
                Parameter(name: "sizes", value: .list([.int(1), .double(2.5), .string("x")])),
            ],
            title: "Poems", cells: [train, failing, skipped, notRun], totalSeconds: timings ? 2.0 : nil)
    }

    /// A record of `cells` for `notebooks/demo.md` (seed 1, no parameters, a hash of zeros).
    public static func record(_ cells: [CellRecord]) -> RunRecord {
        RunRecord(notebookPath: "notebooks/demo.md", notebookHash: String(repeating: "0", count: 64),
                  unrollVersion: "0.1.0", seed: 1, params: [], title: "Demo", cells: cells)
    }

    /// A cell record with `outputs`, passed unless `status` says otherwise.
    public static func cell(_ id: String, line: Int = 10, index: Int = 0, status: CellStatus = .passed,
                            check: CheckSettings? = nil, _ outputs: [CellOutput] = []) -> CellRecord {
        CellRecord(id: id, index: index, sourceLine: line, status: status, check: check, outputs: outputs)
    }

    /// A loss curve named `fit-1` with lines `train` and `valid loss`.
    public static func curve(train: [Double], valid: [Double]) -> CellOutput {
        .series("fit-1", SeriesOutput(title: "loss", xLabel: "epoch", yLabel: "loss",
                                      lines: [SeriesLine(name: "train", y: train), SeriesLine(name: "valid loss", y: valid)]))
    }

    /// A 2×2 table named `show-1` with a text column (`rnn`, `label`) and a number column (`a`, `b`).
    public static func table(_ a: Double, _ b: Double, label: String = "lstm") -> CellOutput {
        .table("show-1", TableOutput(columns: ["model", "loss"], rows: [[.text("rnn"), .number(a)], [.text(label), .number(b)]]))
    }

    /// A 2×2 heatmap named `attention-1` with the given values.
    public static func heatmap(_ values: [[Double]]) -> CellOutput {
        .heatmap("attention-1", HeatmapOutput(title: "attention", rowLabels: ["a", "b"], columnLabels: ["x", "y"],
                                              values: values))
    }

    /// `show-1`, a one-layer Elman RNN unrolled over `steps` steps.
    public static func graph(steps: Int) -> CellOutput {
        .graph("show-1", UnrolledGraphOutput(
            title: "g", cell: "RNN", state: "h", steps: steps, inputWeight: "",
            recurrences: [.init(layer: 1, reverse: false, inputWeight: "rnn.weight_ih_l0", recurrentWeight: "rnn.weight_hh_l0")],
            outputWeight: "head.weight", outputs: .everyStep))
    }
}
