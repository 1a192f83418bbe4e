/// A table as a layout reader found it: header cells and rows of cell text, with line numbers.
/// Readers know layouts; what the columns mean is decided later by the table builders.
struct RawTable {
    /// Which reader produced it: `pipe`, `tab` or `cell-per-line`.
    var layout: String
    var lines: ClosedRange<Int>
    /// The text line just before the table (`表 …`, `附件 1` title), if any.
    var caption: String?
    var header: [String]
    var rows: [RawRow]
}

/// One row: its cells (HTML already stripped), or a category heading such as `一、教育`.
struct RawRow {
    var line: Int
    var cells: [String]
    /// A row whose only cell is a heading for the rows below it.
    var isCategory: Bool = false
    /// A row that continues the previous one (its leading cells are empty).
    var isContinuation: Bool = false
}

/// A cell of a cell-per-line table, before cells are grouped into rows.
struct Fragment: Equatable {
    var line: Int
    var text: String
}

/// The fragments of a cell-per-line table: rows are grouped by the builder that knows the columns.
struct CellTable {
    var lines: ClosedRange<Int>
    var caption: String?
    var header: [String]
    var body: [Fragment]
}

enum TextCleaning {
    /// Removes HTML tags and the few entities the sources use; tags become spaces.
    static func stripHTML(_ s: String) -> String {
        guard s.contains("<") || s.contains("&") else { return s }
        var out = ""
        var inTag = false
        for c in s {
            if c == "<" { inTag = true; out.append(" "); continue }
            if c == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(c) }
        }
        let entities = [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")]
        for (entity, plain) in entities { out = out.replacingOccurrences(of: entity, with: plain) }
        return out
    }

    /// Trims and folds runs of whitespace to one space.
    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{a0}" })
            .joined(separator: " ")
    }

    /// A list cell (`县教育局 县委编办`, `<p>县公安局</p> <p>县财政局</p>`) as its entries.
    /// Single characters are halves of a spaced-out two-character name (`郑 玥`) and are rejoined.
    static func list(_ cell: String) -> [String] {
        let words = stripHTML(cell).split(whereSeparator: { " \t\u{3000}\u{a0}、，,;；".contains($0) }).map(String.init)
        var out: [String] = []
        var i = 0
        while i < words.count {
            if words[i].count == 1, i + 1 < words.count, words[i + 1].count == 1 {
                out.append(words[i] + words[i + 1])
                i += 2
            } else {
                out.append(words[i])
                i += 1
            }
        }
        return out
    }

    /// Spaces and tabs (and U+3000) off both ends, without Foundation's CharacterSet machinery,
    /// which is most of the cost of reading a large document line by line.
    static func trim(_ s: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{a0}" }
        guard let first = s.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = s.lastIndex(where: { !isSpace($0) })!
        if first == s.startIndex && last == s.index(before: s.endIndex) { return s }
        return String(s[first...last])
    }

    static func isBlank(_ s: String) -> Bool { s.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{3000}" } }

    /// Half-width digits of a cell that is only a whole number (`12`, ` 3 `).
    static func integer(_ s: String) -> Int? {
        let t = TextCleaning.trim(s)
        guard !t.isEmpty, t.count <= 4, t.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(t)
    }
}

import Foundation
