import QyxModel
import QyxText
import QyxAnalysis

/// Writes the rows of the conflicts table from the statements' columns. Most cells are ids the
/// pool holds already (document, region, subject, unit, a figure's stated value); only an
/// indicator's value as written and the citations are new text, which each piece keeps in a
/// string table of its own until it is appended to the table.
struct ConflictWriter: Sendable {
    let columns: StatementColumns
    /// For each pool id, its place in `texts`, or -1 if no row cites it.
    let cited: [Int32]
    /// The pool's texts that rows cite (a document's label for its id).
    let texts: [String]

    /// The rows for `pairs`, in pieces of `pieceRows` made on all cores and handed to `take` in
    /// order on the calling thread, which may grow the pool meanwhile: pieces never read it.
    func write(_ pairs: [ConflictFinder.Pair], pieceRows: Int, take: (ConflictRows) -> Void) {
        let pieceRows = max(1, pieceRows)
        Parallel.stream(pairs.isEmpty ? 0 : (pairs.count - 1) / pieceRows + 1, window: 4, make: { k in
            piece(pairs[k * pieceRows..<min(pairs.count, (k + 1) * pieceRows)])
        }, take: take)
    }

    private func piece(_ pairs: ArraySlice<ConflictFinder.Pair>) -> ConflictRows {
        var rows = ConflictRows(capacity: pairs.count)
        var texts = LocalStrings(cited: cited, shared: texts)
        // Cells made once a piece: a plan row with a column a year cites one place for each of
        // its years' conflicts, and values as written repeat (`≥90%`, `5个`).
        var places: [Int: Int32] = [:]  // a one-place citation's cell, by document id and line
        var values: [WrittenValue: Int32] = [:]
        func place(_ n: Int) -> (doc: Int32, line: Int) { columns.cells(n) { c, r in (c.doc[r], c.line[r]) } }
        func cite(_ statements: [Int]) -> Int32 {
            guard statements.count == 1 else {
                return rows.new(Citations.places(statements.map { n in let p = place(n); return (texts[p.doc]!, p.line) }))
            }
            let (doc, line) = place(statements[0])
            if let cell = places[Int(doc) << 32 | line] { return cell }
            let cell = rows.new(Citations.places([(texts[doc]!, line)]))
            places[Int(doc) << 32 | line] = cell
            return cell
        }
        // The value as written: a figure's `stated` cell, or an indicator's operator, value and unit.
        func written(_ n: Int) -> Int32 {
            if n < columns.figureCount { return columns.f.stated[n] }
            let value = columns.cells(n) { c, r in
                WrittenValue(op: c.op[r], value: c.value[r].bitPattern, baseValue: c.baseValue[r].bitPattern, unit: c.unit[r])
            }
            if let cell = values[value] { return cell }
            let number = Double(bitPattern: value.value)
            let cell = rows.new(ConflictFinder.written(op: texts[value.op].flatMap(ComparisonOp.init(rawValue:)),
                                                       value: number.isNaN ? nil : number, baseValue: Double(bitPattern: value.baseValue),
                                                       unit: texts[value.unit]))
            values[value] = cell
            return cell
        }
        var kinds: [(kind: String, id: Int32)] = []  // three at most
        // Conflicts of one group follow each other and share their first value.
        var first: (statement: Int, written: Int32, cited: Int32)?
        for pair in pairs {
            if first?.statement != pair.first[0] { first = (pair.first[0], written(pair.first[0]), cite(pair.first)) }
            let kind: Int32
            if let known = kinds.first(where: { $0.kind == pair.kind }) {
                kind = known.id
            } else {
                kind = rows.new(pair.kind)
                kinds.append((pair.kind, kind))
            }
            let (docB, lineB) = place(pair.other[0])
            let valueB = written(pair.other[0]), citedB = cite(pair.other)
            columns.cells(pair.first[0]) { c, r in
                rows.append(doc: c.doc[r], line: c.line[r], region: c.region[r], year: c.year[r], subject: c.subject[r],
                            unit: c.baseUnit[r], valueA: first!.written, citedA: first!.cited, valueB: valueB,
                            citedB: citedB, docB: docB, lineB: lineB, kind: kind)
            }
        }
        return rows
    }

    /// An indicator's value as written: operator, number and value in the base unit (their
    /// bits: -0 is written apart from 0; NaN, a null number) and unit, ids of the pool.
    private struct WrittenValue: Hashable {
        let op: Int32
        let value: UInt64
        let baseValue: UInt64
        let unit: Int32
    }

    /// Copies of shared strings for one thread. A string that threads each retain and release
    /// (a document's label in every citation) is slow to share: its count sits on one cache
    /// line that the cores take turns owning.
    private struct LocalStrings {
        let cited: [Int32]
        let shared: [String]
        var copies: [String?]

        init(cited: [Int32], shared: [String]) {
            self.cited = cited
            self.shared = shared
            copies = Array(repeating: nil, count: shared.count)
        }

        subscript(id: Int32) -> String? {
            mutating get {
                guard id >= 0, case let k = Int(cited[Int(id)]), k >= 0 else { return nil }
                if let s = copies[k] { return s }
                let s = String(decoding: Array(shared[k].utf8), as: UTF8.self)
                copies[k] = s
                return s
            }
        }
    }
}
