#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QyxModel

/// Reads tables written one row per line with `|` between cells (`领域 | 序号 | 指 标 | 2022年 |`).
/// A lone pipe line is site navigation, not a table; the caller treats it as chrome.
enum PipeTableReader {
    static func isPipeLine(_ line: String) -> Bool {
        line.withBytes { b in
            // No `|` Character without a `|` byte; most lines have none (memchr finds that fastest).
            guard let base = b.baseAddress, memchr(base, Int32(UInt8(ascii: "|")), b.count) != nil else { return false }
            guard PlainText.isPlain(bytes: b) else {
                return pieces(of: line).filter { !TextCleaning.isBlank(String($0)) }.count >= 3
            }
            // Count pieces holding anything but spaces, tabs and U+3000 (what isBlank skips).
            var filled = 0, hasText = false, i = 0
            while i < b.count {
                switch b[i] {
                case UInt8(ascii: "|"):
                    if hasText { filled += 1 }
                    hasText = false
                    i += 1
                case 0x20, 0x09: i += 1
                case 0xE3 where b[i + 1] == 0x80 && b[i + 2] == 0x80: i += 3
                default: hasText = true; i += 1
                }
            }
            return filled + (hasText ? 1 : 0) >= 3
        }
    }

    /// Cells of one line; the empty piece after a closing `|` is not a cell.
    static func cells(_ line: String) -> [String] {
        // A plain line is cut and cleaned on its bytes, with no String per raw piece.
        let plainCells: [String]? = line.withBytes { b in
            guard PlainText.isPlain(bytes: b) else { return nil }
            return b.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).map {
                TextCleaning.collapse(plain: UnsafeBufferPointer(rebasing: $0))
            }
        }
        var cells = plainCells ?? pieces(of: line).map { TextCleaning.collapse(String($0)) }
        if cells.last == "" { cells.removeLast() }
        return cells
    }

    /// `line` split at every `|`, empty pieces kept: at `|` bytes when the line is plain.
    static func pieces(of line: String) -> [Substring] {
        guard PlainText.isPlain(line) else { return line.split(separator: "|", omittingEmptySubsequences: false) }
        return line.utf8.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// Tables in `file`, skipping lines already `claimed`. Returns the tables and single pipe lines.
    static func find(in file: SourceFile, claimed: LineSet) -> (tables: [RawTable], strays: [Int]) {
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
import QyxText
