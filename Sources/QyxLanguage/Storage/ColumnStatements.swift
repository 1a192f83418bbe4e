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

    /// The cells a statement is read from, for figures or for indicators; a column the entity
    /// lacks is empty. (A class holding the arrays themselves: a struct of a dozen `Column`s,
    /// each four arrays, retained and released them all at every statement.)
    private final class Columns: Sendable {
        let doc, region, subject, op, unit, baseUnit, stated, kind: [Int32]
        let line, year: [Int]
        let value, baseValue: [Double]

        init(_ table: Table, subject: String) {
            func texts(_ name: String) -> [Int32] { table.column(name)?.texts ?? [] }
            func ints(_ name: String) -> [Int] { table.column(name)?.ints ?? [] }
            func doubles(_ name: String) -> [Double] { table.column(name)?.doubles ?? [] }
            doc = texts("doc")
            line = ints("line")
            region = texts("region")
            year = ints("year")
            self.subject = texts(subject)
            op = texts("op")
            value = doubles("value")
            unit = texts("unit")
            baseValue = doubles("base_value")
            baseUnit = texts("base_unit")
            stated = texts("stated")
            kind = texts("kind")
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
        let year = c.year[r], value = c.baseValue[r], subject = c.subject[r]
        guard year != Column.nullInt, !value.isNaN, subject >= 0 else { return nil }
        if n >= figureCount { guard let target, c.kind[r] == target else { return nil } }
        return ConflictFinder.Key(subject: subject, region: c.region[r], year: year, unit: c.baseUnit[r], value: value,
                                  doc: c.doc[r], fromTable: n >= figureCount)
    }

    func text(_ id: Int32) -> String { strings.strings[Int(id)] }
    private func text(_ ids: [Int32], _ row: Int) -> String? {
        let id = ids[row]
        return id < 0 ? nil : strings.strings[Int(id)]
    }

    private func locate(_ n: Int) -> (Columns, Int) { n < figureCount ? (f, n) : (i, n - figureCount) }

    /// The value as written: a figure's `stated` cell, or an indicator's operator, value and unit.
    private func written(_ n: Int) -> (id: Int32?, text: String?) {
        let (c, r) = locate(n)
        guard n >= figureCount else { return (c.stated[r], nil) }
        let value = c.value[r]
        return (nil, ComparisonOp.stated(text(c.op, r).flatMap(ComparisonOp.init(rawValue:)),
                                         value.isNaN ? c.baseValue[r] : value, text(c.unit, r)))
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
                let (c, r) = locate(n), doc = c.doc[r]
                return (labels[doc] ?? strings.strings[Int(doc)], c.line[r])
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
                rows.append(doc: ca.doc[ra], line: ca.line[ra], region: ca.region[ra], year: ca.year[ra],
                            subject: ca.subject[ra], unit: ca.baseUnit[ra], valueA: first!.written,
                            citedA: first!.cited, valueB: b.id ?? rows.new(b.text!), citedB: rows.new(cite(pair.other)),
                            docB: cb.doc[rb], lineB: cb.line[rb], kind: kind)
            }
            return rows
        }
    }
}
