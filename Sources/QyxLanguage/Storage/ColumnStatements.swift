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
    /// lacks is empty. Handed to `cells`' body, never returned: a copy of a dozen arrays taken
    /// per statement, on two threads at once, made retaining them most of the work.
    private struct Columns: Sendable {
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
        cells(n) { c, r in
            let year = c.year[r], value = c.baseValue[r], subject = c.subject[r]
            guard year != Column.nullInt, !value.isNaN, subject >= 0 else { return nil }
            if n >= figureCount { guard let target, c.kind[r] == target else { return nil } }
            return ConflictFinder.Key(subject: subject, region: c.region[r], year: year, unit: c.baseUnit[r], value: value,
                                      doc: c.doc[r], fromTable: n >= figureCount)
        }
    }

    func text(_ id: Int32) -> String { strings.strings[Int(id)] }

    /// `body` of statement `n`'s columns and row.
    private func cells<R>(_ n: Int, _ body: (borrowing Columns, Int) -> R) -> R {
        n < figureCount ? body(f, n) : body(i, n - figureCount)
    }

    /// The value as written: a figure's `stated` cell, or an indicator's operator, value and unit
    /// (their texts from `local`).
    private func written(_ n: Int, _ local: inout LocalStrings) -> (id: Int32?, text: String?) {
        cells(n) { c, r in
            guard n >= figureCount else { return (c.stated[r], nil) }
            let value = c.value[r]
            return (nil, ComparisonOp.stated(local[c.op[r]].flatMap(ComparisonOp.init(rawValue:)),
                                             value.isNaN ? c.baseValue[r] : value, local[c.unit[r]]))
        }
    }

    /// Copies of the pool's strings for one thread. A string shared by threads that each retain
    /// and release it (a document's label in every citation) is slow to share: the count sits
    /// on one cache line that the cores take turns owning.
    private struct LocalStrings {
        let pool: [String]
        /// Strings given instead of the pool's (a document's label for its id).
        var overrides: [Int32: String] = [:]
        var copies: [Int32: String] = [:]

        subscript(id: Int32) -> String? {
            mutating get {
                guard id >= 0 else { return nil }
                if let s = copies[id] { return s }
                let s = String(decoding: Array((overrides[id] ?? pool[Int(id)]).utf8), as: UTF8.self)
                copies[id] = s
                return s
            }
        }
    }

    /// The rows of the conflicts table for `pairs`, in pieces built on all cores. Most cells are
    /// ids the pool holds already (document, region, subject, unit, a figure's stated value);
    /// only an indicator's value as written and the citations are new text, which each piece
    /// keeps in a string table of its own and numbers -2, -3, … until `ConflictRows.table`
    /// gives them ids of the pool.
    func conflictRows(_ pairs: [ConflictFinder.Pair], documents: [PlanDocument], pieceRows: Int) -> [ConflictRows] {
        // A document is cited by its label, else by its id.
        var labels: [Int32: String] = [:]
        for d in documents { if let id = strings.id(of: d.id) { labels[id] = labels[id] ?? d.citation } }
        let pieceRows = max(1, pieceRows)
        return Parallel.map(pairs.isEmpty ? 0 : (pairs.count - 1) / pieceRows + 1) { k in
            var rows = ConflictRows(capacity: min(pieceRows, pairs.count))
            var texts = LocalStrings(pool: strings.strings)
            var labels = LocalStrings(pool: strings.strings, overrides: labels)
            func cite(_ statements: [Int]) -> Int32 {
                rows.new(ConflictFinder.citation(statements.map { n in cells(n) { c, r in (labels[c.doc[r]]!, c.line[r]) } }))
            }
            var kinds: [String: Int32] = [:]
            // Conflicts of one group follow each other and share their first value.
            var first: (statement: Int, written: Int32, cited: Int32)?
            for pair in pairs[k * pieceRows..<min(pairs.count, (k + 1) * pieceRows)] {
                if first?.statement != pair.first[0] {
                    let a = written(pair.first[0], &texts)
                    first = (pair.first[0], a.id ?? rows.new(a.text!), cite(pair.first))
                }
                let b = written(pair.other[0], &texts)
                let kind = kinds[pair.kind] ?? rows.new(pair.kind)
                kinds[pair.kind] = kind
                let (docB, lineB) = cells(pair.other[0]) { c, r in (c.doc[r], c.line[r]) }
                let valueB = b.id ?? rows.new(b.text!), citedB = cite(pair.other)
                cells(pair.first[0]) { c, r in
                    rows.append(doc: c.doc[r], line: c.line[r], region: c.region[r], year: c.year[r], subject: c.subject[r],
                                unit: c.baseUnit[r], valueA: first!.written, citedA: first!.cited, valueB: valueB,
                                citedB: citedB, docB: docB, lineB: lineB, kind: kind)
                }
            }
            return rows
        }
    }
}
