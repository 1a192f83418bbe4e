import QyxLanguage
import QyxModel

/// Output formats of query results.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, tsv, json, jsonl, markdown
}

/// Renders a result set as text in one of the output formats.
public struct ResultRenderer {
    public var format: OutputFormat
    /// Columns available for a table; nil means no limit (output is not a terminal).
    public var width: Int?

    public init(format: OutputFormat, width: Int? = nil) {
        self.format = format
        self.width = width
    }

    public func render(_ result: ResultSet) -> String {
        switch format {
        case .table: return table(result)
        case .csv: return delimited(result, separator: ",")
        case .tsv: return delimited(result, separator: "\t")
        case .json:
            let names = result.columns.map(\.name)
            return "[" + result.rows.map { "\n  " + JSONWriter.object(names: names, values: $0) }.joined(separator: ",") + (result.rows.isEmpty ? "]\n" : "\n]\n")
        case .jsonl:
            let names = result.columns.map(\.name)
            return result.rows.map { JSONWriter.object(names: names, values: $0) + "\n" }.joined()
        case .markdown: return markdown(result)
        }
    }

    func delimited(_ result: ResultSet, separator: Character) -> String {
        func cell(_ s: String) -> String {
            separator == "\t" ? s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") : s
        }
        var out = CSVWriter.line(result.columns.map { cell($0.name) }, separator: separator) + "\n"
        for row in result.rows {
            out += CSVWriter.line(row.map { cell(CSVWriter.cell($0)) }, separator: separator) + "\n"
        }
        return out
    }

    func markdown(_ result: ResultSet) -> String {
        func escape(_ s: String) -> String {
            // Document text may hold markup: `<` and `>` become entities so no raw HTML gets through.
            s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                .replacingOccurrences(of: "\n", with: "<br>")
        }
        var out = "| " + result.columns.map { escape($0.name) }.joined(separator: " | ") + " |\n"
        out += "|" + result.columns.map { $0.isNumeric ? "---:|" : "---|" }.joined() + "\n"
        for row in result.rows {
            out += "| " + row.map { escape($0.displayText) }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// Columns aligned by display width, numbers right-aligned, wide text cut to fit `width`.
    func table(_ result: ResultSet) -> String {
        let cells = result.rows.map { $0.map { $0.displayText.replacingOccurrences(of: "\n", with: " ") } }
        var widths = result.columns.map { DisplayWidth.of($0.name) }
        for row in cells {
            for (i, c) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(c)) }
        }
        if let width {
            let gaps = 2 * max(0, widths.count - 1)
            // Take columns from the widest until the table fits; no column goes below 6.
            while widths.reduce(0, +) + gaps > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
                  widths[widest] > 6 {
                widths[widest] -= 1
            }
        }
        func line(_ values: [String], numeric: [Bool]) -> String {
            var parts: [String] = []
            for (i, v) in values.enumerated() {
                let cut = DisplayWidth.truncate(v, to: widths[i])
                parts.append(DisplayWidth.pad(cut, to: widths[i], right: numeric[i]))
            }
            // No trailing spaces after the last column.
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        let numeric = result.columns.map(\.isNumeric)
        var out = line(result.columns.map(\.name), numeric: numeric) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { out += line(row, numeric: numeric) + "\n" }
        out += "(\(result.rows.count) row\(result.rows.count == 1 ? "" : "s"))\n"
        return out
    }
}
