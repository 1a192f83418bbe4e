import QyxModel
import QyxAnalysis

/// The figures and table targets of a database as the conflict finder reads them. Their texts
/// are pool ids already (canonically equal texts share one), so grouping a million statements
/// hashes integers only, and the model need not be kept for it.
struct ColumnStatements: StatementSource, Sendable {
    private let strings: StringPool.Builder
    private let columns: StatementColumns
    /// Id of `target` in the indicators' kind column; baselines state no promise.
    private let target: Int32?

    init(figures: Table, indicators: Table, strings: StringPool.Builder) {
        self.strings = strings
        columns = StatementColumns(figures: figures, indicators: indicators)
        target = strings.id(of: "target")
        count = figures.count + indicators.count
    }

    let count: Int
    var figureCount: Int { columns.figureCount }

    func key(_ n: Int) -> ConflictFinder.Key? {
        let fromTable = n >= columns.figureCount
        return columns.cells(n) { c, r in StatementColumns.key(c, r, fromTable: fromTable, target: target) }
    }

    func text(_ id: Int32) -> String { strings.strings[Int(id)] }

    /// A writer of the conflicts among these statements, holding none of the pool: the texts it
    /// cites (documents by their labels, an indicator's operator and unit) are copied out first.
    func conflictWriter(documents: [PlanDocument]) -> ConflictWriter {
        var cited = [Int32](repeating: -1, count: strings.strings.count)
        var texts: [String] = []
        for c in [columns.f, columns.i] {
            for ids in [c.doc, c.op, c.unit] {
                for id in ids where id >= 0 && cited[Int(id)] < 0 {
                    cited[Int(id)] = Int32(texts.count)
                    texts.append(strings.strings[Int(id)])
                }
            }
        }
        // A document is cited by its label, else by its id.
        var labelled = Set<Int32>()
        for d in documents {
            if let id = strings.id(of: d.id), cited[Int(id)] >= 0, labelled.insert(id).inserted { texts[Int(cited[Int(id)])] = d.citation }
        }
        return ConflictWriter(columns: columns, cited: cited, texts: texts)
    }
}

/// The cells statements are read from: dated figures first, then table targets.
struct StatementColumns: Sendable {
    let figureCount: Int
    let f: Columns, i: Columns

    init(figures: Table, indicators: Table) {
        figureCount = figures.count
        f = Columns(figures, subject: "subject")
        i = Columns(indicators, subject: "name")
    }

    /// The cells of figures or of indicators; a column the entity lacks is empty. Handed to
    /// `cells`' body, never returned: a copy of a dozen arrays taken per statement, on two
    /// threads at once, made retaining them most of the work.
    struct Columns: Sendable {
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

    /// The grouping key of row `r`; nil when it states no dated value (or, from a table, is not
    /// of the kind `target`, the id of `target`: baselines state no promise).
    static func key(_ c: borrowing Columns, _ r: Int, fromTable: Bool, target: Int32?) -> ConflictFinder.Key? {
        let year = c.year[r], value = c.baseValue[r], subject = c.subject[r]
        guard year != Column.nullInt, !value.isNaN, subject >= 0 else { return nil }
        if fromTable { guard let target, c.kind[r] == target else { return nil } }
        return ConflictFinder.Key(subject: subject, region: c.region[r], year: year, unit: c.baseUnit[r], value: value,
                                  doc: c.doc[r], fromTable: fromTable)
    }

    /// `body` of statement `n`'s columns and row.
    func cells<R>(_ n: Int, _ body: (borrowing Columns, Int) -> R) -> R {
        n < figureCount ? body(f, n) : body(i, n - figureCount)
    }
}
