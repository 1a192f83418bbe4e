import QyxText
import QyxModel
import QyxStorage

/// `compare ENTITY by DIMENSION where …`: one row per indicator (matched by identity across
/// spelling differences), one column per value of the dimension. `by year` lays out a region's
/// series; `by region` puts side by side the indicators that regions share.
struct CompareExecutor {
    let execution: StatementRun
    let entity: Name
    let by: Name
    let filter: Expr?

    /// The field naming what is compared, the field holding the cell, and the context fields.
    static let shapes: [String: (identity: String, cell: String, unit: String?, context: [String])] = [
        "indicators": ("name", "target", "unit", ["region", "year"]),
        "figures": ("subject", "stated", "unit", ["region", "year"]),
    ]

    func run() throws(QueryError) -> ResultSet {
        let database = execution.database
        let table = try database.resolve(entity)
        guard let shape = Self.shapes[table.name] else {
            throw QueryError("compare works on \(Self.shapes.keys.sorted().joined(separator: " and ")), not \(table.name)", at: entity.range)
        }
        let dimension = by.text.lowercased()
        guard let dimIndex = table.index(of: dimension) else {
            let hint = Suggest.closest(by.text, among: table.fields.map(\.name)).map { "did you mean \($0)?" }
            throw QueryError("\(table.name) have no field '\(by.text)' to compare by", at: by.range, hint: hint)
        }
        let rows = try execution.filteredRows(table, filter)
        let pool = database.pool
        func column(_ name: String) -> Column { table.column(name)! }
        let identity = column(shape.identity), cell = column(shape.cell), dim = table.columns[dimIndex]
        let unit = shape.unit.map(column)
        let context = shape.context.filter { $0 != dimension }.map(column)

        struct Line {
            var label: String
            var unit: Value
            var context: [Value]
            /// Each cell's texts with the unit they are in.
            var cells: [Value: [(text: String, unit: Value)]] = [:]
            var rows: [Int] = []
            /// One year in 人 and the next in 万人: then each cell carries its own unit.
            var mixedUnits: Bool { Set(cells.values.flatMap { $0.map(\.unit) }).count > 1 }
        }
        var lines: [Line] = []
        var index: [[Value]: Int] = [:]
        var dimValues = Set<Value>()
        for (n, r) in rows.enumerated() {
            if n % 1_024 == 0 { try execution.check(at: entity.range) }
            let name = identity.value(r, pool).displayText
            let contextValues = context.map { $0.value(r, pool) }
            let key = contextValues + [.text(Identity.key(name))]
            let d = dim.value(r, pool)
            dimValues.insert(d)
            let text = cell.value(r, pool).displayText
            let cellUnit = unit?.value(r, pool) ?? .null
            if let i = index[key] {
                lines[i].cells[d, default: []].append((text, cellUnit))
                lines[i].rows.append(r)
            } else {
                index[key] = lines.count
                var line = Line(label: name, unit: cellUnit, context: contextValues)
                line.cells[d] = [(text, cellUnit)]
                line.rows = [r]
                lines.append(line)
            }
        }
        // By region, only what two or more regions share is worth setting side by side.
        if dimension == "region" { lines = lines.filter { $0.cells.count >= 2 } }
        let dims = dimValues.sorted { ValueOps.order($0, $1) < 0 }
        var columns = context.map { ResultColumn(name: $0.spec.name, type: ValueType($0.spec.type)) }
        columns.append(ResultColumn(name: shape.identity, type: .text))
        if shape.unit != nil { columns.append(ResultColumn(name: "unit", type: .text)) }
        columns += dims.map { ResultColumn(name: $0.displayText, type: .text) }
        let out: [[Value]] = try execution.map(lines, at: entity.range) { line in
            var row = line.context + [.text(line.label)]
            let mixed = line.mixedUnits
            if shape.unit != nil { row.append(mixed ? .null : line.unit) }
            for d in dims {
                let texts = (line.cells[d] ?? []).map { mixed ? $0.text + $0.unit.displayText : $0.text }
                row.append(texts.isEmpty ? .null : .text(texts.joined(separator: " / ")))
            }
            return row
        }
        let sources = execution.tracksProvenance ? lines.compactMap { execution.provenance(table, $0.rows) } : nil
        return ResultSet(columns: columns, rows: out, sources: sources)
    }
}
