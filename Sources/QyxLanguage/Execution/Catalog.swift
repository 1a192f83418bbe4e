import QyxText
import QyxModel
import QyxStorage

/// `describe`, `show entities`, `show domains`, `show values of`.
enum Catalog {
    static let meanings: [String: String] = [
        "documents": "the plans themselves: title, region, 文号, dates, period",
        "indicators": "target-table rows: one indicator of one region for one year",
        "tasks": "numbered work items of 重点任务 / 保障措施 and annex plans",
        "projects": "重大项目 and 项目清单 rows",
        "reforms": "改革清单 rows",
        "pairings": "组团式帮扶 rows: institution, partner, relation",
        "domains": "the seven domains and the table categories, with English aliases",
    ]

    static func describe(_ name: Name, in database: Database) throws(QueryError) -> ResultSet {
        let table = try database.resolve(name)
        let rows: [[Value]] = table.fields.map { f in
            let unit: Value
            switch f.unit {
            case .field(let u)?: unit = .text("from \(u)")
            case .fixed(let u)?: unit = .text(u)
            case nil: unit = .null
            }
            return [.text(f.name), .text(f.type.rawValue), unit, .text(f.meaning)]
        }
        return ResultSet(columns: [ResultColumn(name: "field", type: .text), ResultColumn(name: "type", type: .text),
                                   ResultColumn(name: "unit", type: .text), ResultColumn(name: "meaning", type: .text)],
                         rows: rows)
    }

    static func entities(in database: Database) -> ResultSet {
        let rows: [[Value]] = database.entityTables.map { t in
            [.text(t.name), .int(t.count), .int(t.fields.count), .text(meanings[t.name] ?? "")]
        }
        return ResultSet(columns: [ResultColumn(name: "entity", type: .text), ResultColumn(name: "rows", type: .int),
                                   ResultColumn(name: "fields", type: .int), ResultColumn(name: "meaning", type: .text)],
                         rows: rows)
    }

    static func domains(in database: Database) -> ResultSet {
        func counts(_ entity: EntityKind) -> [String: Int] {
            var out: [String: Int] = [:]
            let table = database.table(entity)
            guard let domain = table.column("domain") else { return out }
            for r in 0..<table.count {
                if case .text(let d) = domain.value(r, database.pool) { out[d, default: 0] += 1 }
            }
            return out
        }
        let indicatorCounts = counts(.indicators), taskCounts = counts(.tasks)
        let rows: [[Value]] = Domain.all.map { d in
            [.text(d.name), .text(d.alias), .text(d.kind), .int(indicatorCounts[d.name] ?? 0), .int(taskCounts[d.name] ?? 0)]
        }
        return ResultSet(columns: [ResultColumn(name: "name", type: .text), ResultColumn(name: "alias", type: .text),
                                   ResultColumn(name: "kind", type: .text), ResultColumn(name: "indicators", type: .int),
                                   ResultColumn(name: "tasks", type: .int)], rows: rows)
    }

    /// Distinct values of a field with how many rows hold each, most frequent first.
    static func values(of field: Name, entity: Name?, in database: Database) throws(QueryError) -> ResultSet {
        let table: Table
        if let entity {
            table = try database.resolve(entity)
        } else if let t = database.entityTables.first(where: { $0.index(of: field.text.lowercased()) != nil }) {
            table = t
        } else {
            let all = Set(database.entityTables.flatMap { $0.fields.map(\.name) })
            let hint = Suggest.closest(field.text, among: Array(all)).map { "did you mean \($0)?" }
            throw QueryError("no entity has a field '\(field.text)'", at: field.range, hint: hint)
        }
        guard let i = table.index(of: field.text.lowercased()) else {
            let hint = Suggest.closest(field.text, among: table.fields.map(\.name)).map { "did you mean \($0)?" }
            throw QueryError("\(table.name) have no field '\(field.text)'", at: field.range, hint: hint)
        }
        var counts: [Value: Int] = [:]
        var firstSeen: [Value] = []
        let column = table.columns[i]
        for r in 0..<table.count {
            let v = column.value(r, database.pool)
            let items: [Value] = { if case .list(let l) = v { return l } else { return [v] } }()
            for item in items where !item.isNull {
                if counts[item] == nil { firstSeen.append(item) }
                counts[item, default: 0] += 1
            }
        }
        let sorted = firstSeen.enumerated().sorted { a, b in
            let (ca, cb) = (counts[a.element]!, counts[b.element]!)
            return ca != cb ? ca > cb : ValueOps.order(a.element, b.element) < 0
        }.map(\.element)
        return ResultSet(columns: [ResultColumn(name: field.text.lowercased(), type: ValueType(column.spec.type == .list ? .text : column.spec.type)),
                                   ResultColumn(name: "rows", type: .int)],
                         rows: sorted.map { [$0, .int(counts[$0]!)] })
    }
}
