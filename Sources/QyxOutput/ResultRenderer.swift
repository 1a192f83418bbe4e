import QyxLanguage
import QyxModel

/// Output formats of query results.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, tsv, json, jsonl, markdown
    /// Box-drawing lines around and between the columns.
    case box
    /// One `field = value` line per field, rows apart, as sqlite3's line mode; never cut.
    case line
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
        case .box: return box(result)
        case .line: return lines(result)
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

    /// Field names right-aligned by display width, as sqlite3's `.mode line`; a value's own
    /// line breaks continue under its first line.
    func lines(_ result: ResultSet) -> String {
        let names = result.columns.map(\.name)
        let nameWidth = names.map { DisplayWidth.of($0) }.max() ?? 0
        let indent = "\n" + String(repeating: " ", count: nameWidth + 3)
        var out = ""
        for (r, row) in result.rows.enumerated() {
            if r > 0 { out += "\n" }
            for (i, value) in row.enumerated() {
                out += DisplayWidth.pad(names[i], to: nameWidth, right: true) + " = "
                    + value.displayText.replacingOccurrences(of: "\n", with: indent) + "\n"
            }
        }
        return out
    }

    /// Whether the table (or box) of `result` fits in `columns` without cutting text.
    public func fits(_ result: ResultSet, in columns: Int) -> Bool {
        let widths = Self.naturalWidths(result, cells(result))
        return widths.reduce(0, +) + decoration(widths.count) <= columns
    }

    /// Columns a table's lines add to its cells: two spaces between columns, or a box's `│ `.
    func decoration(_ count: Int) -> Int { format == .box ? 3 * count + 1 : 2 * max(0, count - 1) }

    func cells(_ result: ResultSet) -> [[String]] {
        result.rows.map { $0.map { $0.displayText.replacingOccurrences(of: "\n", with: " ") } }
    }

    static func naturalWidths(_ result: ResultSet, _ cells: [[String]]) -> [Int] {
        var widths = result.columns.map { DisplayWidth.of($0.name) }
        for row in cells {
            for (i, c) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(c)) }
        }
        return widths
    }

    /// Column widths fitted to `width`: columns are taken from the widest until the table
    /// fits; no column goes below 6.
    func fittedWidths(_ result: ResultSet, _ cells: [[String]]) -> [Int] {
        var widths = Self.naturalWidths(result, cells)
        if let width {
            let gaps = decoration(widths.count)
            while widths.reduce(0, +) + gaps > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
                  widths[widest] > 6 {
                widths[widest] -= 1
            }
        }
        return widths
    }

    /// Cells cut to their column and padded, numbers right-aligned.
    func fitted(_ values: [String], _ widths: [Int], numeric: [Bool]) -> [String] {
        values.enumerated().map { i, v in
            DisplayWidth.pad(DisplayWidth.truncate(v, to: widths[i]), to: widths[i], right: numeric[i])
        }
    }

    static func footer(_ result: ResultSet) -> String {
        "(\(result.rows.count) row\(result.rows.count == 1 ? "" : "s"))\n"
    }

    /// Columns aligned by display width, numbers right-aligned, wide text cut to fit `width`.
    func table(_ result: ResultSet) -> String {
        let cells = cells(result)
        let widths = fittedWidths(result, cells)
        let numeric = result.columns.map(\.isNumeric)
        func line(_ values: [String]) -> String {
            // No trailing spaces after the last column.
            var s = fitted(values, widths, numeric: numeric).joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var out = line(result.columns.map(\.name)) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { out += line(row) + "\n" }
        return out + Self.footer(result)
    }

    /// The table inside box-drawing lines.
    func box(_ result: ResultSet) -> String {
        let cells = cells(result)
        let widths = fittedWidths(result, cells)
        let numeric = result.columns.map(\.isNumeric)
        func rule(_ left: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right + "\n"
        }
        func line(_ values: [String]) -> String {
            "│ " + fitted(values, widths, numeric: numeric).joined(separator: " │ ") + " │\n"
        }
        var out = rule("┌", "┬", "┐") + line(result.columns.map(\.name)) + rule("├", "┼", "┤")
        for row in cells { out += line(row) }
        return out + rule("└", "┴", "┘") + Self.footer(result)
    }
}
