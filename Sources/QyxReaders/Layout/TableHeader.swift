import QyxModel

/// Settles a table's header before the builders read it by what its cells mean: whatever the
/// layout, a table arrives here as a header row and rows of cells. What it undoes is layout,
/// not meaning: a Markdown frame and separator line, and a header written over two rows.
enum TableHeader {
    static func normalize(_ table: RawTable) -> RawTable {
        var table = table
        // `| 领域 | 编号 |` frames every row with pipes: the piece before the first one is no cell.
        if table.header.first == "", table.header.count > 1 {
            table.header.removeFirst()
            for i in table.rows.indices where table.rows[i].cells.first == "" { table.rows[i].cells.removeFirst() }
        }
        table.rows.removeAll { isSeparator($0.cells) }
        // 年份 above 2023年 2024年 2025年: the second row names the columns under the first, and
        // holds nothing but header words where it holds anything.
        if let second = table.rows.first, !second.isCategory, isHeaderContinuation(second.cells, under: table.header) {
            for (i, cell) in second.cells.enumerated() where !cell.isEmpty {
                if i < table.header.count { table.header[i] = cell } else { table.header.append(cell) }
            }
            table.rows.removeFirst()
        }
        return table
    }

    /// Markdown's line under the header, `|---|:---:|`: every cell dashes with optional colons.
    static func isSeparator(_ cells: [String]) -> Bool {
        !cells.isEmpty && cells.allSatisfy { cell in
            cell.utf8.contains(UInt8(ascii: "-")) && cell.utf8.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == 0x20 }
        }
    }

    static func isHeaderContinuation(_ cells: [String], under header: [String]) -> Bool {
        let filled = cells.indices.filter { !cells[$0].isEmpty }
        guard !filled.isEmpty else { return false }
        return filled.allSatisfy { i in
            if case .other = ColumnRole.of(cells[i]) { return false }
            // A cell under a header cell that names a role of its own would be data; 年份 and
            // 目标值 group the columns below them.
            guard i < header.count, !header[i].isEmpty else { return true }
            switch ColumnRole.of(header[i]) {
            case .other, .target: return true
            default: return false
            }
        }
    }

    /// The header cells no role was found for, as the warning for an unplaceable table names them.
    static func notUnderstood(_ header: [String]) -> [String] {
        header.filter { if case .other = ColumnRole.of($0) { return !$0.isEmpty } else { return false } }
    }
}
