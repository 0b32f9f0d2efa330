import UnrollDiagnostics
import UnrollLanguage

extension BuiltinLibrary {
    /// Readers of data files; paths are relative to the notebook.
    static let data: [Builtin] = [
        .function(Signature(
            name: "text", family: .data,
            parameters: [
                .positional("path", .string, doc: "file to read, relative to the notebook"),
                .labelled("tokens", .string, .value(.string("char")), .oneOf(["char", "word"]),
                          doc: "split into characters (Unicode scalars) or whitespace-separated words"),
                .labelled("min_freq", .int, .value(.int(1)), .positive,
                          doc: "tokens seen fewer times become the unknown token"),
                .labelled("lowercase", .bool, .value(.bool(false)), doc: "lower-case the text first"),
            ],
            result: .corpus,
            doc: "Reads a text file as one token stream for language modelling."
        )) { try $0.text($1) },
        .function(Signature(
            name: "csv", family: .data,
            parameters: [
                .positional("path", .string, doc: "CSV file with a header row, relative to the notebook"),
                .labelled("text", .string, .value(.string("text")), doc: "column holding the text"),
                .labelled("label", .string, .value(.string("label")), doc: "column holding the label"),
                .labelled("tokens", .string, .value(.string("word")), .oneOf(["word", "char"]),
                          doc: "split texts into words or characters"),
                .labelled("min_freq", .int, .value(.int(1)), .positive,
                          doc: "tokens seen fewer times become the unknown token"),
                .labelled("lowercase", .bool, .value(.bool(false)), doc: "lower-case the texts first"),
            ],
            result: .dataset(DatasetFacts(kind: .labelled, origin: "csv")),
            doc: "Reads labelled texts (one example per row) for sequence classification."
        )) { try $0.csv($1) },
        .function(Signature(
            name: "series_csv", family: .data,
            parameters: [
                .positional("path", .string, doc: "CSV file of numbers with a header row (one row per time step), relative to the notebook"),
                .labelled("target", .string, doc: "the column to forecast"),
                .labelled("columns", .list(.string), .absent, doc: "the input columns, in order; by default the target column alone"),
                .labelled("window", .int, .value(.int(20)), .positive, doc: "time steps each example reads"),
                .labelled("horizon", .int, .value(.int(1)), .positive, doc: "how many rows after a window's last row its target lies"),
                .labelled("stride", .int, .value(.int(1)), .positive, doc: "rows between the starts of consecutive windows"),
            ],
            result: .dataset(DatasetFacts(kind: .sequences, outputs: 1, origin: "series_csv")),
            doc: "Reads a numeric time series and cuts it into overlapping windows, each with the target `horizon` steps after it, for a Regressor.",
            rule: { facts in
                var inputs: Int? = 1
                if facts.arguments["columns"] != nil {
                    if case .list(let names)? = facts.constant("columns") { inputs = names.count } else { inputs = nil }
                }
                return CallOutcome(.dataset(DatasetFacts(kind: .sequences, inputs: inputs, outputs: 1, origin: "series_csv")))
            }
        )) { try $0.seriesCSV($1) },
        .function(Signature(
            name: "tagged", family: .data,
            parameters: [
                .positional("path", .string, doc: "file of lines `token/TAG token/TAG …`, relative to the notebook"),
                .labelled("separator", .string, .value(.string("/")), doc: "what separates a token from its tag"),
                .labelled("min_freq", .int, .value(.int(1)), .positive,
                          doc: "tokens seen fewer times become the unknown token"),
                .labelled("lowercase", .bool, .value(.bool(false)), doc: "lower-case the tokens first"),
            ],
            result: .dataset(DatasetFacts(kind: .tagged, origin: "tagged")),
            doc: "Reads tagged sequences, one per line (BMES segmentation, NER), for sequence labelling."
        )) { try $0.tagged($1) },
        .function(Signature(
            name: "tsv", family: .data,
            parameters: [
                .positional("path", .string, doc: "tab-separated file of `source<TAB>target` lines, relative to the notebook"),
                .labelled("tokens", .string, .value(.string("word")), .oneOf(["word", "char"]),
                          doc: "split both sides into words or characters"),
                .labelled("source_tokens", .string, .absent, .oneOf(["word", "char"]),
                          doc: "split the source side differently from `tokens`"),
                .labelled("target_tokens", .string, .absent, .oneOf(["word", "char"]),
                          doc: "split the target side differently from `tokens`"),
                .labelled("min_freq", .int, .value(.int(1)), .positive,
                          doc: "tokens seen fewer times become the unknown token (each side counted apart)"),
                .labelled("lowercase", .bool, .value(.bool(false)), doc: "lower-case both sides first"),
            ],
            result: .dataset(DatasetFacts(kind: .pairs, origin: "tsv")),
            doc: "Reads parallel pairs (a sentence and its translation) with one vocabulary per side, for a Seq2Seq; further columns are ignored."
        )) { try $0.tsv($1) },
    ]
}
