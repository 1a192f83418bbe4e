/// Reads tab-separated annex tables. Cells may hold HTML (`<p>`, `<ol><li>`); the header repeats
/// at page breaks; a row whose only cell is `一、教育` heads a category; a row whose first cells
/// are empty continues the row above with another task line.
enum TabTableReader {
    /// Two tabs or more. A tab is a Character of its own (a control never joins a neighbour), so
    /// counting bytes counts Characters.
    static func isTabLine(_ line: String) -> Bool {
        line.withBytes { bytes in
            guard let first = bytes.firstIndex(of: 0x09) else { return false }
            return bytes[(first + 1)...].contains(0x09)
        }
    }

    /// Cells of a tab line, empty ones kept.
    static func pieces(of line: String) -> [Substring] {
        line.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
    }

    static func find(in file: SourceFile, claimed: LineSet) -> [RawTable] {
        var tables: [RawTable] = []
        var n = 1
        while n <= file.lines.count {
            guard !claimed.contains(n), isTabLine(file[line: n]) else { n += 1; continue }
            // The table runs over blank lines until a non-blank line without tabs.
            var last = n
            var probe = n + 1
            while probe <= file.lines.count {
                let text = file[line: probe]
                if isTabLine(text) { last = probe } else if !TextCleaning.isBlank(text) { break }
                probe += 1
            }
            tables.append(read(file, n...last))
            n = last + 1
        }
        return tables
    }

    static func read(_ file: SourceFile, _ range: ClosedRange<Int>) -> RawTable {
        var header: [String] = []
        var rows: [RawRow] = []
        for n in range where isTabLine(file[line: n]) {
            let cells = pieces(of: file[line: n]).map {
                TextCleaning.collapse(TextCleaning.stripHTML(String($0)))
            }
            if header.isEmpty { header = cells; continue }
            if cells == header { continue }
            let filled = cells.indices.filter { !cells[$0].isEmpty }
            if filled == [0] {
                rows.append(RawRow(line: n, cells: [cells[0]], isCategory: true))
            } else {
                rows.append(RawRow(line: n, cells: cells, isContinuation: cells.first?.isEmpty ?? false))
            }
        }
        return RawTable(layout: "tab", lines: range, caption: DocumentLayout.caption(before: range.lowerBound, in: file),
                        header: header, rows: rows)
    }
}
