/// Renders check results as JUnit XML: `<testsuites>` holding one `<testsuite>` per notebook and one
/// `<testcase>` per cell, with `<failure>` for failed or regressed cells and `<skipped/>` for cells that did
/// not run. A notebook that could not be checked gets a single test case named `(notebook)` that fails. The
/// document is valid under the JUnit schema Jenkins' xunit plugin and GitHub's reporters read (`junit-10.xsd`,
/// which `scripts/install-deps` installs and `JUnitSchemaTests` validates against with xmllint): so
/// `<testsuites>` carries no `skipped` count (the schema allows it per `<testsuite>` only) and times have at
/// most three decimals.
public enum JUnitReport {
    /// The XML document (UTF-8, trailing newline), byte-identical for equal input.
    public static func render(_ notebooks: [NotebookCheck]) -> String {
        var body = ""
        var tests = 0, failures = 0
        var totalTime: Double?
        for notebook in notebooks {
            let suiteTests = notebook.cells.count + (notebook.error == nil ? 0 : 1)
            tests += suiteTests
            failures += notebook.failedCount
            let times = notebook.cells.compactMap(\.seconds)
            if !times.isEmpty { totalTime = (totalTime ?? 0) + times.reduce(0, +) }
            let suiteTime = times.isEmpty ? "" : " time=\"\(seconds(times.reduce(0, +)))\""
            body += "  <testsuite name=\"\(attribute(notebook.path))\" tests=\"\(suiteTests)\" "
                + "failures=\"\(notebook.failedCount)\" errors=\"0\" skipped=\"\(notebook.skippedCount)\"\(suiteTime)>\n"
            if let error = notebook.error {
                body += "    <testcase classname=\"\(attribute(notebook.path))\" name=\"(notebook)\">\n"
                body += "      <failure message=\"\(attribute(error))\" type=\"notebook\">\(text(error))</failure>\n"
                body += "    </testcase>\n"
            }
            for cell in notebook.cells { body += testCase(cell, path: notebook.path, environment: notebook.environment) }
            if !notebook.provenance.isEmpty {
                let lines = notebook.provenance.map { "\(notebook.path): \($0)" }.joined(separator: "\n")
                body += "    <system-out>\(text(lines))</system-out>\n"
            }
            body += "  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"unroll check\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\""
            + (totalTime.map { " time=\"\(seconds($0))\"" } ?? "") + ">\n" + body + "</testsuites>\n"
    }

    private static func testCase(_ cell: CellVerdict, path: String, environment: String?) -> String {
        let time = cell.seconds.map { " time=\"\(seconds($0))\"" } ?? ""
        let open = "    <testcase classname=\"\(attribute(path))\" name=\"\(attribute(cell.cellID))\"\(time)"
        let lines = cell.findings.map(\.description).joined(separator: "\n")
        switch cell.outcome {
        case .failed, .regressed:
            let important = cell.findings.first { $0.severity != .note } ?? cell.findings.first
            let message = important?.detail ?? "cell \(cell.outcome.rawValue)"
            let type = cell.outcome == .failed ? "failure" : "regression"
            let details = ([lines] + (environment.map { ["\(path): \($0)"] } ?? [])).filter { !$0.isEmpty }
                .joined(separator: "\n")
            return open + ">\n      <failure message=\"\(attribute(message))\" type=\"\(type)\">\(text(details))</failure>\n"
                + "    </testcase>\n"
        case .skipped, .notRun:
            let reason = cell.outcome == .skipped ? "an earlier cell failed" : "eval=false"
            return open + ">\n      <skipped message=\"\(reason)\"/>\n    </testcase>\n"
        case .passed:
            guard !lines.isEmpty else { return open + "/>\n" }
            return open + ">\n      <system-out>\(text(lines))</system-out>\n    </testcase>\n"
        }
    }

    /// Seconds as JUnit writes them: three decimals, a point, no exponent.
    static func seconds(_ value: Double) -> String {
        String(format: "%.3f", max(0, value))
    }

    /// Escapes text for element content: `&`, `<`, `>`, and characters XML 1.0 does not allow become U+FFFD.
    static func text(_ value: String) -> String {
        escape(value, inAttribute: false)
    }

    /// Escapes text for a double-quoted attribute: also quotes, and tabs and line breaks as character
    /// references so that they survive attribute-value normalization.
    static func attribute(_ value: String) -> String {
        escape(value, inAttribute: true)
    }

    private static func escape(_ value: String, inAttribute: Bool) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "'" where inAttribute: out += "&apos;"
            case "\n" where inAttribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where inAttribute: out += "&#9;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                let allowed = v >= 0x20 && !(0xFFFE...0xFFFF).contains(v)
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}
