import Foundation
import QyxModel

/// Reads a 改革清单: 序号, 改革名称, 改革目标, 改革任务, 牵头单位, 责任人, 参与单位. A row whose first
/// cells are empty adds a task line with its own units to the reform above it.
enum ReformTableBuilder {
    static func accepts(_ roles: [ColumnRole]) -> Bool { roles.contains(.goal) && roles.contains(.tasks) }

    static func build(_ table: RawTable, _ context: inout TableContext) -> [Reform] {
        let roles = table.header.map(ColumnRole.of)
        var out: [Reform] = []
        var category: String?
        for row in table.rows {
            if row.isCategory {
                category = categoryName(row.cells[0])
                continue
            }
            func cell(_ role: ColumnRole) -> String {
                guard let i = roles.firstIndex(of: role), i < row.cells.count else { return "" }
                return row.cells[i]
            }
            let taskLine = ReformTask(line: row.line, text: cell(.tasks), lead: TextCleaning.list(cell(.lead)),
                                      person: TextCleaning.list(cell(.person)), partners: TextCleaning.list(cell(.partners)))
            if row.isContinuation {
                guard !out.isEmpty else {
                    context.warn(row.line, "reform task line before any reform; skipped")
                    continue
                }
                out[out.count - 1].taskLines.append(taskLine)
                out[out.count - 1].tasks += numberedItems(taskLine.text)
                continue
            }
            guard let seq = TextCleaning.sequenceNumber(cell(.seq)) else {
                context.warn(row.line, "reform row without a 序号: '\(row.cells.first ?? "")'")
                continue
            }
            out.append(Reform(provenance: context.provenance(row.line), region: context.region, seq: seq,
                              category: category, name: cell(.name), goal: cell(.goal),
                              tasks: numberedItems(taskLine.text), taskLines: [taskLine]))
        }
        return out
    }

    /// `一、教育` → `教育`.
    static func categoryName(_ cell: String) -> String {
        if let m = OutlineReader.marker(of: cell) { return TextCleaning.collapse(String(m.rest)) }
        return cell
    }

    /// Splits `1.提高…。 2.整合…。` into its numbered items; unnumbered text is one item.
    static func numberedItems(_ text: String) -> [String] {
        let t = TextCleaning.collapse(text)
        guard !t.isEmpty else { return [] }
        var items: [String] = []
        var current = ""
        var previous: Character = " "
        var index = t.startIndex
        while index < t.endIndex {
            let c = t[index]
            if c.isASCII, c.isNumber, previous == " " || previous == "。" || previous == "；" || index == t.startIndex,
               OutlineReader.marker(of: String(t[index...].prefix(6))) != nil, !current.isEmpty {
                items.append(TextCleaning.trim(current))
                current = ""
            }
            current.append(c)
            previous = c
            index = t.index(after: index)
        }
        if !TextCleaning.trim(current).isEmpty { items.append(TextCleaning.trim(current)) }
        return items
    }
}
