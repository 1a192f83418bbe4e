import QyxModel

/// Reads tables written one row per line with `|` between cells (`领域 | 序号 | 指 标 | 2022年 |`).
/// A lone pipe line is site navigation, not a table; the caller treats it as chrome.
enum PipeTableReader {
    static func isPipeLine(_ line: String) -> Bool {
        // No `|` Character without a `|` byte; most lines have none.
        guard line.utf8.contains(UInt8(ascii: "|")) else { return false }
        return pieces(of: line).lazy.filter { !TextCleaning.isBlank(String($0)) }.prefix(3).count >= 3
    }

    /// Cells of one line; the empty piece after a closing `|` is not a cell.
    static func cells(_ line: String) -> [String] {
        var pieces = pieces(of: line).map { TextCleaning.collapse(String($0)) }
        if pieces.last == "" { pieces.removeLast() }
        return pieces
    }

    /// `line` split at every `|`, empty pieces kept: at `|` bytes when the line is plain.
    static func pieces(of line: String) -> [Substring] {
        guard PlainText.isPlain(line) else { return line.split(separator: "|", omittingEmptySubsequences: false) }
        return line.utf8.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// Tables in `file`, skipping lines already `claimed`. Returns the tables and single pipe lines.
    static func find(in file: SourceFile, claimed: Set<Int>) -> (tables: [RawTable], strays: [Int]) {
        var tables: [RawTable] = []
        var strays: [Int] = []
        var n = 1
        while n <= file.lines.count {
            guard !claimed.contains(n), isPipeLine(file[line: n]) else { n += 1; continue }
            var last = n
            while last + 1 <= file.lines.count, isPipeLine(file[line: last + 1]) { last += 1 }
            if last == n {
                strays.append(n)
            } else {
                let rows = (n + 1...last).map { RawRow(line: $0, cells: cells(file[line: $0])) }
                tables.append(RawTable(layout: "pipe", lines: n...last, caption: DocumentLayout.caption(before: n, in: file),
                                       header: cells(file[line: n]), rows: rows))
            }
            n = last + 1
        }
        return (tables, strays)
    }
}

import Foundation
