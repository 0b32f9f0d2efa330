/// The CSS inlined into every HTML report: a readable single column, quiet cell frames, clear status colours
/// backed by words, heatmap shades, and print rules that keep cells, figures and background shades.
enum ReportStyleSheet {
    /// The style sheet text: the base rules, then the heatmap rules.
    static let css = base + "\n" + HeatmapTable.css

    /// The rules for everything but heatmaps.
    private static let base = """
        :root {
          --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --soft: #f6f8fa;
          --accent: #0969da; --ok: #1a7f37; --bad: #cf222e; --idle: #6e7781;
          --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "Noto Sans Mono CJK SC",
            "Microsoft YaHei", monospace;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0; color: var(--fg); background: #ffffff;
          font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, "Noto Sans CJK SC", "PingFang SC",
            "Microsoft YaHei", "Hiragino Sans", sans-serif;
        }
        .page { max-width: 900px; margin: 0 auto; padding: 40px 28px 56px; }
        a { color: var(--accent); }
        h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 0.6em; }
        h1 { font-size: 2em; } h2 { font-size: 1.5em; border-bottom: 1px solid var(--border); padding-bottom: 0.3em; }
        h3 { font-size: 1.25em; }
        code, pre, kbd { font-family: var(--mono); font-size: 0.85em; }
        :not(pre) > code { background: var(--soft); border: 1px solid var(--border); border-radius: 4px; padding: 0.1em 0.35em; }
        pre {
          background: var(--soft); border: 1px solid var(--border); border-radius: 6px;
          padding: 12px 16px; overflow-x: auto; line-height: 1.45; margin: 0 0 16px;
        }
        pre code { font-size: inherit; }
        blockquote { margin: 0 0 16px; padding: 0 1em; color: var(--muted); border-left: 4px solid var(--border); }
        img { max-width: 100%; }

        .report-header { border-bottom: 1px solid var(--border); padding-bottom: 20px; margin-bottom: 28px; }
        .report-header .eyebrow {
          margin: 0; color: var(--muted); font-size: 12px; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase;
        }
        .report-header h1 { margin: 4px 0 16px; }
        .meta { display: grid; grid-template-columns: max-content 1fr; gap: 6px 20px; margin: 0; font-size: 14px; }
        .meta dt { color: var(--muted); font-weight: 600; }
        .meta dd { margin: 0; }
        .meta dd code { margin-right: 6px; }
        .count { display: inline-block; margin-right: 12px; font-weight: 600; }
        .count::before { content: ""; display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px; background: currentColor; }
        .count-passed { color: var(--ok); } .count-failed { color: var(--bad); }
        .count-skipped, .count-not-run { color: var(--idle); }

        .cell { border: 1px solid var(--border); border-left: 4px solid var(--ok); border-radius: 6px; margin: 20px 0 24px; }
        .cell-failed { border-left-color: var(--bad); }
        .cell-skipped, .cell-not-run { border-left-color: var(--idle); }
        .cell-head {
          display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: center; padding: 6px 14px;
          background: var(--soft); border-bottom: 1px solid var(--border); border-radius: 0 6px 0 0;
          font-size: 13px; color: var(--muted);
        }
        .cell-id { font-family: var(--mono); font-weight: 600; color: var(--fg); }
        .cell-head .status { margin-left: auto; }
        .status {
          font-size: 11px; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase;
          border: 1px solid currentColor; border-radius: 999px; padding: 0 8px;
        }
        .status-passed { color: var(--ok); } .status-failed { color: var(--bad); }
        .status-skipped, .status-not-run { color: var(--idle); }
        .cell-body { padding: 14px; }
        .cell-body > :last-child { margin-bottom: 0; }
        .cell pre.source { background: #fbfcfd; }
        .note { color: var(--muted); font-style: italic; margin: 0 0 12px; }

        .error {
          border: 1px solid #ff8182; border-left: 4px solid var(--bad); background: #ffebe9; color: #82071e;
          border-radius: 6px; padding: 10px 14px; margin: 0 0 14px;
        }
        .error-title { margin: 0 0 4px; font-size: 14px; }
        .error-title code { background: transparent; border: 0; padding: 0; color: inherit; font-weight: 600; }
        .error-message { margin: 0; font-family: var(--mono); font-size: 13.5px; white-space: pre-wrap; overflow-wrap: anywhere; }

        .output { margin: 0 0 16px; }
        .output-name { font-family: var(--mono); font-size: 12px; color: var(--muted); margin: 0 0 4px; }
        .output-scalar {
          display: inline-flex; align-items: baseline; gap: 10px; margin-right: 10px;
          border: 1px solid var(--border); border-radius: 6px; padding: 6px 12px;
        }
        .scalar-label { color: var(--muted); font-size: 14px; }
        .scalar-value { font-family: var(--mono); font-size: 16px; font-weight: 600; }
        .output-text pre { background: #ffffff; }
        figure { margin: 0 0 16px; }
        figure svg { display: block; max-width: 100%; height: auto; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; font-size: 14px; margin: 0 0 4px; font-variant-numeric: tabular-nums; }
        caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 6px; }
        th, td { border: 1px solid var(--border); padding: 4px 10px; }
        thead th { background: var(--soft); font-weight: 600; }
        tbody th { background: var(--soft); font-weight: 600; text-align: left; }
        td.num { text-align: right; font-family: var(--mono); font-size: 13px; }

        footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--border); color: var(--muted); font-size: 13px; }

        @media print {
          @page { margin: 16mm 14mm; }
          body { font-size: 11pt; }
          .page { max-width: none; padding: 0; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          figure, table, pre, .error, .output-scalar { break-inside: avoid; }
          .cell-head { break-after: avoid; }
          h1, h2, h3 { break-after: avoid; }
          pre { white-space: pre-wrap; overflow-wrap: anywhere; }
          a { color: inherit; text-decoration: underline; }
        }
        """
}
