import QyxModel

/// Turns target tables into indicator rows: one row per indicator per year.
///
/// Two shapes exist: one target column for the plan's year (工作要点 tables: 领域, 序号, 指标,
/// 完成值, 牵头单位) or one column per year (五年目标: 领域, 序号, 指标, 2022年 … 2027年).
enum IndicatorTableBuilder {
    static func accepts(_ roles: [ColumnRole]) -> Bool {
        roles.contains(.name) && roles.contains(where: { $0 == .target || { if case .year = $0 { return true } else { return false } }($0) })
    }

    /// Builds rows of a table whose cells were already separated (pipe and tab layouts).
    static func build(_ table: RawTable, _ context: inout TableContext) -> [Indicator] {
        let roles = table.header.map(ColumnRole.of)
        let year = context.tableYear(caption: table.caption)
        var out: [Indicator] = []
        var domain: String?
        for row in table.rows where !row.isCategory {
            var cells = row.cells
            // Rows after the first of a domain leave the domain cell out (and may end in an empty cell).
            if roles.first == .domain, let first = cells.first, TextCleaning.integer(first) != nil, cells.count <= roles.count {
                cells.insert("", at: 0)
            }
            while cells.count > roles.count, cells.last?.isEmpty == true { cells.removeLast() }
            guard cells.count == roles.count else {
                context.warn(row.line, "\(table.layout) table row has \(cells.count) cells where the header has \(roles.count); row skipped")
                continue
            }
            if let d = zip(roles, cells).first(where: { $0.0 == .domain })?.1, !d.isEmpty { domain = d }
            out += rows(roles: roles, cells: cells, line: row.line, domain: domain, tableYear: year, &context)
        }
        return out
    }

    /// Groups the fragments of a cell-per-line table into rows, then builds them.
    static func build(_ table: CellTable, _ context: inout TableContext) -> [Indicator] {
        let roles = table.header.map(ColumnRole.of)
        guard let nameIndex = roles.firstIndex(of: .name) else { return [] }
        let afterName = Array(roles[(nameIndex + 1)...])
        let year = context.tableYear(caption: table.caption)
        var out: [Indicator] = []
        var domain: String?
        var body = table.body[...]
        while let first = body.first {
            // 编号 first: every row starts with its number and holds one cell per column.
            if roles.first == .seq {
                body.removeFirst()
                guard TextCleaning.integer(first.text) != nil else {
                    context.warn(first.line, "cannot place '\(first.text)' in the table: expected a 序号")
                    continue
                }
                let cells = [first.text] + roles.dropFirst().map { _ in takeCell(&body) ?? "" }
                if let d = zip(roles, cells).first(where: { $0.0 == .domain })?.1, !d.isEmpty { domain = d }
                out += rows(roles: roles, cells: cells, line: first.line, domain: domain, tableYear: year, &context)
                continue
            }
            // [领域] 序号 指标 [完成值…] 牵头单位
            var rowStart = first
            if roles.first == .domain, TextCleaning.integer(first.text) == nil {
                domain = first.text
                body.removeFirst()
                guard let next = body.first else {
                    context.warn(first.line, "table ends after domain cell '\(first.text)'")
                    break
                }
                rowStart = next
            }
            guard TextCleaning.integer(rowStart.text) != nil else {
                context.warn(rowStart.line, "cannot place '\(rowStart.text)' in the table: expected a 序号")
                body.removeFirst()
                continue
            }
            body.removeFirst()
            guard let name = takeCell(&body) else {
                context.warn(rowStart.line, "table row \(rowStart.text) has no indicator name")
                break
            }
            var cells: [String] = []
            if afterName == [.target, .lead] {
                // The target may be missing or wrapped; the lead unit closes the row.
                var target: [String] = []
                while let next = body.first, !Names.isUnit(next.text) {
                    if TextCleaning.integer(next.text) == Int(rowStart.text)! + 1, target.count >= 1 { break }
                    target.append(next.text)
                    body.removeFirst()
                }
                let lead = body.first.flatMap { Names.isUnit($0.text) ? body.removeFirst().text : nil }
                if lead == nil { context.warn(rowStart.line, "table row \(rowStart.text) has no 牵头单位") }
                if target.count > 1 && !target.dropLast().allSatisfy(Names.continuesOnNextLine) {
                    context.warn(rowStart.line, "table row \(rowStart.text) has \(target.count) target cells; kept as one: \(target.joined(separator: " / "))")
                }
                cells = [target.joined(), lead ?? ""]
            } else {
                for _ in afterName { cells.append(takeCell(&body) ?? "") }
            }
            let allRoles: [ColumnRole] = [.seq, .name] + afterName
            out += rows(roles: allRoles, cells: [rowStart.text, name] + cells, line: rowStart.line,
                        domain: domain, tableYear: year, &context)
        }
        return out
    }

    /// One cell, joining fragments that a wrap split (`职工85、` ⏎ `城乡居民69`).
    static func takeCell(_ body: inout ArraySlice<Fragment>) -> String? {
        guard var text = body.popFirst()?.text else { return nil }
        while Names.continuesOnNextLine(text), let next = body.first, TextCleaning.integer(next.text) == nil {
            text += body.removeFirst().text
        }
        return text
    }

    /// `tableYear` is `context.tableYear(caption:)` of the table, asked once per table.
    static func rows(roles: [ColumnRole], cells: [String], line: Int, domain: String?, tableYear: Int?,
                     _ context: inout TableContext) -> [Indicator] {
        var seq: Int?
        var nameCell = ""
        var lead: String?
        var unitCell = ""
        var attribute: String?
        var targets: [(year: Int, text: String)] = []
        for (role, cell) in zip(roles, cells) {
            switch role {
            case .seq: seq = TextCleaning.sequenceNumber(cell)
            case .name: nameCell = cell
            case .lead: lead = cell.isEmpty ? nil : cell
            case .unit: unitCell = TextCleaning.trim(cell)
            case .attribute: attribute = TextCleaning.collapse(cell).isEmpty ? nil : TextCleaning.collapse(cell)
            case .year(let y): targets.append((y, cell))
            case .target:
                guard let year = tableYear else {
                    context.warn(line, "cannot tell which year the target column is for (no year in the caption or title)")
                    return []
                }
                targets.append((year, cell))
            default: break
            }
        }
        // A unit in brackets after the name wins over a unit column.
        let (name, bracketUnit) = IndicatorName.split(nameCell)
        let unit = bracketUnit ?? (unitCell.isEmpty ? nil : unitCell)
        let domain = domain.map { Domain.named($0)?.name ?? $0 }
        return targets.map { target in
            Indicator(provenance: context.provenance(line), region: context.region, year: target.year,
                      domain: domain, seq: seq, name: name, unit: unit,
                      target: TextCleaning.collapse(target.text), lead: lead,
                      kind: context.indicatorKind(year: target.year), attribute: attribute)
        }
    }
}

import Foundation
