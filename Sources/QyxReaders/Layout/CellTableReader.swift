import Foundation
import QyxModel
import QyxText

/// Reads tables laid out one cell per line with blank lines between cells, as web pages copy them:
///
///     领域 / 序号 / 指标 / 完成值 / 牵头单位 / 民生实事 / 1 / 公共服务…(%) / 100 / 县府办 / …
///
/// Cells may wrap over two lines and may be missing, so this reader only finds the table and its
/// header; the builder for the table's kind groups fragments into rows.
enum CellTableReader {
    /// Words that only a header holds. A header runs to the last of them before the first row.
    static let headerWords: Set<String> = [
        "领域", "序号", "指标", "指 标", "完成值", "目标值", "牵头单位", "责任单位", "能力提升要求",
        "结对帮扶", "关系", "结对帮扶关系", "备注", "省级医院", "帮扶医院",
    ]

    static func isHeaderWord(_ s: String) -> Bool {
        if headerWords.contains(s) || DocumentLayout.yearColumn(s) != nil { return true }
        if case .other = ColumnRole.of(s) { return false }
        return true
    }

    /// A table starts at its 领域 / 类别 or 序号 / 编号 cell.
    static func startsTable(_ s: String) -> Bool {
        switch ColumnRole.of(s) {
        case .domain, .seq: return true
        default: return false
        }
    }

    static func find(in file: SourceFile, claimed: LineSet) -> [CellTable] {
        var tables: [CellTable] = []
        var n = 1
        while n <= file.lines.count {
            guard !claimed.contains(n), case let text = TextCleaning.trim(file[line: n]),
                  startsTable(text),
                  let table = read(file, from: n, claimed: claimed) else { n += 1; continue }
            tables.append(table)
            n = table.lines.upperBound + 1
        }
        return tables
    }

    static func read(_ file: SourceFile, from start: Int, claimed: LineSet) -> CellTable? {
        // Short lines up to the first whole number are header candidates.
        var candidates: [Fragment] = []
        var n = start
        while n <= file.lines.count, candidates.count < 16 {
            let text = TextCleaning.trim(file[line: n])
            n += 1
            if text.isEmpty { continue }
            if TextCleaning.integer(text) != nil || PlainText.count(text) > 12 { break }
            candidates.append(Fragment(line: n - 1, text: text))
        }
        guard let lastWord = candidates.lastIndex(where: { isHeaderWord($0.text) }) else { return nil }
        let header = Array(candidates[...lastWord])
        guard header.count >= 3, header.contains(where: { ColumnRole.of($0.text) == .seq }) else { return nil }

        var body: [Fragment] = []
        n = header.last!.line + 1
        var last = header.last!.line
        while n <= file.lines.count, !claimed.contains(n) {
            let raw = file[line: n]
            // Non-breaking spaces (&nbsp; in the web page) are ordinary spaces in the model.
            let text = TextCleaning.collapse(raw)
            if !text.isEmpty {
                if OutlineReader.marker(of: raw) != nil || PlainText.hasPrefix(text, "附件") { break }
                body.append(Fragment(line: n, text: text))
                last = n
            }
            n += 1
        }
        guard !body.isEmpty else { return nil }
        return CellTable(lines: start...last, caption: DocumentLayout.caption(before: start, in: file),
                         header: header.map(\.text), body: body)
    }
}
