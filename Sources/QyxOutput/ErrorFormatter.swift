import QyxLanguage

/// Formats a query error the way compilers do: `FILE:LINE:COL: error: …`, the offending line,
/// and a caret under the spot, aligned by display width so it sits under Chinese text too.
public enum ErrorFormatter {
    public static func format(_ error: QueryError, source: String, file: String) -> String {
        let start = error.range.start
        var out = "\(file):\(start.line):\(start.column): error: \(error.message)\n"
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        if start.line - 1 < lines.count {
            let text = String(lines[start.line - 1]).replacingOccurrences(of: "\t", with: " ")
            let chars = Array(text)
            let before = String(chars.prefix(max(0, start.column - 1)))
            let spot = String(chars.dropFirst(max(0, start.column - 1)).prefix(error.range.length))
            let shown = text.count > 400 ? String(chars[max(0, start.column - 80)..<min(chars.count, start.column + 80)]) : text
            if text.count > 400 {
                let shownBefore = String(chars[max(0, start.column - 80)..<max(0, start.column - 1)])
                out += "    \(shown)\n    " + String(repeating: " ", count: DisplayWidth.of(shownBefore)) + underline(spot) + "\n"
            } else {
                out += "    \(text)\n    " + String(repeating: " ", count: DisplayWidth.of(before)) + underline(spot) + "\n"
            }
        }
        if let hint = error.hint { out += "    hint: \(hint)\n" }
        return out
    }

    static func underline(_ spot: String) -> String {
        "^" + String(repeating: "~", count: max(0, DisplayWidth.of(spot) - 1))
    }
}
