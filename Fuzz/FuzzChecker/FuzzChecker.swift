import UnrollFuzzSupport
import UnrollInterpreter
import UnrollLanguage

/// Fuzzes the static checker (`unroll lint`) with the builtin catalog `unroll run` uses: the input is a
/// notebook's cells, separated by lines holding only `%%`, parsed and checked together.
@main
enum FuzzChecker {
    /// Runs libFuzzer on `Analysis`, which parses the cells and checks them in order.
    static func main() {
        let builtins = BuiltinLibrary.standard.catalog
        FuzzDriver.run { bytes in
            var cells: [CellSource] = []
            var line = 1
            for source in FuzzDriver.text(bytes).components(separatedBy: "\n%%\n") {
                cells.append(CellSource(source: source, firstLine: line))
                line += source.split(separator: "\n", omittingEmptySubsequences: false).count + 1
            }
            _ = Analysis(cells: cells, file: "fuzz.md", builtins: builtins)
        }
    }
}
