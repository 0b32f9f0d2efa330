import UnrollRecord

/// Small run records for the comparison tests.
enum RecordFixtures {
    /// A record of `cells` for `notebooks/demo.md`.
    static func record(_ cells: [CellRecord]) -> RunRecord {
        RunRecord(notebookPath: "notebooks/demo.md", notebookHash: String(repeating: "0", count: 64),
                  unrollVersion: "0.1.0", seed: 1, params: [], title: "Demo", cells: cells)
    }

    /// A passed cell with `outputs`.
    static func cell(_ id: String, line: Int = 10, index: Int = 0, status: CellStatus = .passed,
                     check: CheckSettings? = nil, _ outputs: [CellOutput] = []) -> CellRecord {
        CellRecord(id: id, index: index, sourceLine: line, status: status, check: check, outputs: outputs)
    }

    /// A loss curve with lines `train` and `valid loss`.
    static func curve(train: [Double], valid: [Double]) -> CellOutput {
        .series("fit-1", SeriesOutput(title: "loss", xLabel: "epoch", yLabel: "loss",
                                      lines: [SeriesLine(name: "train", y: train), SeriesLine(name: "valid loss", y: valid)]))
    }

    /// A 2×2 table with a text column and a number column.
    static func table(_ a: Double, _ b: Double, label: String = "lstm") -> CellOutput {
        .table("show-1", TableOutput(columns: ["model", "loss"], rows: [[.text("rnn"), .number(a)], [.text(label), .number(b)]]))
    }

    /// A 2×2 heatmap.
    static func heatmap(_ values: [[Double]]) -> CellOutput {
        .heatmap("attention-1", HeatmapOutput(title: "attention", rowLabels: ["a", "b"], columnLabels: ["x", "y"],
                                              values: values))
    }
}
