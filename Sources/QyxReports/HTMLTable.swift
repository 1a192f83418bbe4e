import QyxAnalysis
import QyxLanguage

/// A result as an HTML table: every cell escaped, numbers right-aligned, and each row's source
/// on hover.
enum HTMLTable {
    static func render(_ result: ResultSet, citations: Citations) -> String {
        var out = "<table><thead><tr>"
        for c in result.columns {
            out += "<th\(c.isNumeric ? " class=\"num\"" : "")>\(Escape.html(c.name))</th>"
        }
        out += "</tr></thead><tbody>"
        for (r, row) in result.rows.enumerated() {
            let cite = result.sources.map { citations.cite($0[r]) }
            out += "<tr\(cite.map { " title=\"\(Escape.html($0))\"" } ?? "")>"
            for (c, value) in row.enumerated() {
                let cls = result.columns[c].isNumeric ? " class=\"num\"" : ""
                out += "<td\(cls)>\(Escape.html(value.displayText).replacingOccurrences(of: "\n", with: "<br>"))</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table>"
    }
}
