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
        let (c, r) = n < figureCount ? (f, n) : (i, n - figureCount)
        let year = c.year!.ints[r], value = c.baseValue!.doubles[r], subject = c.subject!.texts[r]
        guard year != Column.nullInt, !value.isNaN, subject >= 0 else { return nil }
        if n >= figureCount { guard let target, c.kind!.texts[r] == target else { return nil } }
        return ConflictFinder.Key(subject: subject, region: c.region!.texts[r], year: year, unit: c.baseUnit!.texts[r], value: value)
    }

    func text(_ id: Int32) -> String { strings.strings[Int(id)] }
    private func text(_ column: Column?, _ row: Int) -> String? {
        let id = column!.texts[row]
        return id < 0 ? nil : strings.strings[Int(id)]
    }

    func statement(_ n: Int) -> ConflictFinder.Statement {
        let fromTable = n >= figureCount
        let (c, r) = fromTable ? (i, n - figureCount) : (f, n)
        let base = c.baseValue!.doubles[r]
        let written: String
        if fromTable {
            let value = c.value!.doubles[r]
            written = ComparisonOp.stated(text(c.op, r).flatMap(ComparisonOp.init(rawValue:)), value.isNaN ? base : value, text(c.unit, r))
        } else {
            written = text(c.stated, r)!
        }
        return ConflictFinder.Statement(subject: text(c.subject, r)!, region: text(c.region, r), year: c.year!.ints[r],
                                        unit: text(c.baseUnit, r), value: base, written: written,
                                        place: Provenance(doc: text(c.doc, r)!, line: c.line!.ints[r]), fromTable: fromTable)
    }
}
