import QyxModel

/// The figures and table targets of a database as the conflict finder reads them. Their texts
/// are pool ids already (canonically equal texts share one), so grouping a million statements
/// hashes integers only, and the model need not be kept for it.
struct ColumnStatements: StatementSource, Sendable {
    private let strings: StringPool.Builder
    private let figureCount: Int
    private let f: Columns, i: Columns
    /// Id of `target` in the indicators' kind column; baselines state no promise.
    private let target: Int32?

    /// The columns a statement is read from, for figures or for indicators. (A class: choosing
    /// one of two structs of a dozen columns would retain and release every array per statement.)
    private final class Columns: Sendable {
        let doc, line, region, year, subject, op, value, unit, baseValue, baseUnit, stated: Column?
        let kind: Column?

        init(_ table: Table, subject: String) {
            doc = table.column("doc")
            line = table.column("line")
            region = table.column("region")
            year = table.column("year")
            self.subject = table.column(subject)
            op = table.column("op")
            value = table.column("value")
            unit = table.column("unit")
            baseValue = table.column("base_value")
            baseUnit = table.column("base_unit")
            stated = table.column("stated")
            kind = table.column("kind")
        }
    }

    init(figures: Table, indicators: Table, strings: StringPool.Builder) {
        self.strings = strings
        figureCount = figures.count
        f = Columns(figures, subject: "subject")
        i = Columns(indicators, subject: "name")
        target = strings.id(of: "target")
        count = figures.count + indicators.count
    }

    let count: Int

    func key(_ n: Int) -> ConflictFinder.Key? {
        let (c, r) = locate(n)
        let year = c.year!.ints[r], value = c.baseValue!.doubles[r], subject = c.subject!.texts[r]
        guard year != Column.nullInt, !value.isNaN, subject >= 0 else { return nil }
        if n >= figureCount { guard let target, c.kind!.texts[r] == target else { return nil } }
        return ConflictFinder.Key(subject: subject, region: c.region!.texts[r], year: year, unit: c.baseUnit!.texts[r], value: value,
                                  doc: c.doc!.texts[r], fromTable: n >= figureCount)
    }

    func text(_ id: Int32) -> String { strings.strings[Int(id)] }
    private func text(_ column: Column?, _ row: Int) -> String? {
        let id = column!.texts[row]
        return id < 0 ? nil : strings.strings[Int(id)]
    }

    private func locate(_ n: Int) -> (Columns, Int) { n < figureCount ? (f, n) : (i, n - figureCount) }

    /// The value as written: a figure's `stated` cell, or an indicator's operator, value and unit.
    private func written(_ n: Int) -> (id: Int32?, text: String?) {
        let (c, r) = locate(n)
        guard n >= figureCount else { return (c.stated!.texts[r], nil) }
        let value = c.value!.doubles[r]
        return (nil, ComparisonOp.stated(text(c.op, r).flatMap(ComparisonOp.init(rawValue:)),
                                         value.isNaN ? c.baseValue!.doubles[r] : value, text(c.unit, r)))
    }

    /// The rows of the conflicts table for `pairs`, in pieces built on all cores. Most cells are
    /// ids the pool holds already (document, region, subject, unit, a figure's stated value);
    /// only an indicator's value as written and the citations are new text, which each piece
    /// keeps in a string table of its own and numbers -2, -3, … until `ConflictRows.table`
    /// gives them ids of the pool.
    func conflictRows(_ pairs: [ConflictFinder.Pair], documents: [PlanDocument], pieceRows: Int) -> [ConflictRows] {
        var labels: [Int32: String] = [:]
        for d in documents { if let id = strings.id(of: d.id) { labels[id] = labels[id] ?? d.citation } }
        func cite(_ statements: [Int]) -> String {
            ConflictFinder.citation(statements.map { n in
                let (c, r) = locate(n), doc = c.doc!.texts[r]
                return (labels[doc] ?? strings.strings[Int(doc)], c.line!.ints[r])
            })
        }
        let pieceRows = max(1, pieceRows)
        return Parallel.map(pairs.isEmpty ? 0 : (pairs.count - 1) / pieceRows + 1) { k in
            var rows = ConflictRows(capacity: min(pieceRows, pairs.count))
            var kinds: [String: Int32] = [:]
            // Conflicts of one group follow each other and share their first value.
            var first: (statement: Int, written: Int32, cited: Int32)?
            for pair in pairs[k * pieceRows..<min(pairs.count, (k + 1) * pieceRows)] {
                let (ca, ra) = locate(pair.first[0]), (cb, rb) = locate(pair.other[0])
                if first?.statement != pair.first[0] {
                    let a = written(pair.first[0])
                    first = (pair.first[0], a.id ?? rows.new(a.text!), rows.new(cite(pair.first)))
                }
                let b = written(pair.other[0])
                let kind = kinds[pair.kind] ?? rows.new(pair.kind)
                kinds[pair.kind] = kind
                rows.append(doc: ca.doc!.texts[ra], line: ca.line!.ints[ra], region: ca.region!.texts[ra], year: ca.year!.ints[ra],
                            subject: ca.subject!.texts[ra], unit: ca.baseUnit!.texts[ra], valueA: first!.written,
                            citedA: first!.cited, valueB: b.id ?? rows.new(b.text!), citedB: rows.new(cite(pair.other)),
                            docB: cb.doc!.texts[rb], lineB: cb.line!.ints[rb], kind: kind)
            }
            return rows
        }
    }
}
