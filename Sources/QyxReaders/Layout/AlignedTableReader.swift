import QyxModel

/// Reads tables whose columns are aligned with spaces, as `pdftotext -layout` writes them:
///
///     序号   领域       指    标                          年度目标   牵头单位
///     7      住有宜居   住宅小区专业物业服务              85         县住建局
///                       覆盖率（%）
///
/// Columns are where every line of the table is blank over two display columns or more (a
/// Chinese character is two wide, as pdftotext sets it), so a header cell with spaces inside
/// (`指    标`) and an empty cell stay in their column. A line with no 序号 continues the row
/// above it: its cells are appended to that row's cells (a wrapped name).
enum AlignedTableReader {
    static func find(in file: SourceFile, claimed: LineSet) -> [RawTable] {
        var tables: [RawTable] = []
        var n = 1
        while n <= file.lines.count {
            guard !claimed.contains(n), isHeader(file[line: n]) else { n += 1; continue }
            var last = n
            var probe = n + 1
            while probe <= file.lines.count, !claimed.contains(probe) {
                let text = file[line: probe]
                if !TextCleaning.isBlank(text) {
                    guard text.utf8.first == 0x20 || hasGap(text) else { break }
                    last = probe
                }
                probe += 1
            }
            if last > n, let table = read(file, n...last) { tables.append(table) }
            n = last + 1
        }
        return tables
    }

    /// A header: four pieces or more between runs of two spaces, three of them header words,
    /// one of them 序号 / 编号 (which tells a row from a continuation).
    static func isHeader(_ line: String) -> Bool {
        guard hasGap(line) else { return false }
        let roles = pieces(line).map { ColumnRole.of($0) }
        guard roles.count >= 4, roles.contains(.seq) else { return false }
        return roles.filter { if case .other = $0 { return false } else { return true } }.count >= 3
    }

    static func hasGap(_ line: String) -> Bool {
        line.withBytes { b in b.count > 1 && (1..<b.count).contains { b[$0] == 0x20 && b[$0 - 1] == 0x20 } }
    }

    static func pieces(_ line: String) -> [String] {
        line.split(separator: "  ", omittingEmptySubsequences: true).map { TextCleaning.trim(String($0)) }.filter { !$0.isEmpty }
    }

    /// East Asian wide and full-width characters take two columns; ambiguous ones (≥, “) one.
    static func width(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD: return 2
        default: return 1
        }
    }

    /// A line as (display column, scalar) pairs.
    static func columns(_ line: String) -> [(Int, Unicode.Scalar)] {
        var out: [(Int, Unicode.Scalar)] = []
        var column = 0
        for s in line.unicodeScalars {
            out.append((column, s))
            column += width(s)
        }
        return out
    }

    static func read(_ file: SourceFile, _ range: ClosedRange<Int>) -> RawTable? {
        let lines = range.filter { !TextCleaning.isBlank(file[line: $0]) }.map { ($0, columns(file[line: $0])) }
        let widest = lines.map { $0.1.last.map { $0.0 + width($0.1) } ?? 0 }.max() ?? 0
        // Display columns that hold a character on some line of the table.
        var used = [Bool](repeating: false, count: widest)
        for (_, line) in lines {
            for (c, s) in line where s != " " {
                for k in c..<c + width(s) { used[k] = true }
            }
        }
        // Column spans: runs of used columns, split where two or more are unused.
        var spans: [Range<Int>] = []
        var start = -1, lastUsed = -1
        for c in 0..<widest where used[c] {
            if start < 0 { start = c } else if c - lastUsed > 2 { spans.append(start..<lastUsed + 1); start = c }
            lastUsed = c
        }
        if start >= 0 { spans.append(start..<lastUsed + 1) }
        // One pass over a line: its characters come in column order, like the spans.
        let cells = { (line: [(Int, Unicode.Scalar)]) -> [String] in
            var texts = [String.UnicodeScalarView](repeating: String.UnicodeScalarView(), count: spans.count)
            var k = 0
            for (c, s) in line {
                while k < spans.count, spans[k].upperBound <= c { k += 1 }
                if k < spans.count, spans[k].contains(c) { texts[k].append(s) }
            }
            return texts.map { TextCleaning.collapse(String($0)) }
        }
        guard let (headerLine, headerColumns) = lines.first else { return nil }
        let header = cells(headerColumns)
        guard let seqColumn = header.firstIndex(where: { ColumnRole.of($0) == .seq }) else { return nil }
        var rows: [RawRow] = []
        for (n, line) in lines.dropFirst() {
            let row = cells(line)
            if row[seqColumn].isEmpty, !rows.isEmpty {
                for (i, cell) in row.enumerated() where !cell.isEmpty { rows[rows.count - 1].cells[i] += cell }
            } else {
                rows.append(RawRow(line: n, cells: row))
            }
        }
        return RawTable(layout: "aligned", lines: range, caption: DocumentLayout.caption(before: headerLine, in: file),
                        header: header, rows: rows)
    }
}
