import QyxModel

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
        func cite(_ statements: [Int]) -> Int32 {
            rows.new(ConflictFinder.citation(statements.map { n in columns.cells(n) { c, r in (texts[c.doc[r]]!, c.line[r]) } }))
        }
        var kinds: [(kind: String, id: Int32)] = []  // three at most
        // Conflicts of one group follow each other and share their first value.
        var first: (statement: Int, written: Int32, cited: Int32)?
        for pair in pairs {
            if first?.statement != pair.first[0] {
                let a = written(pair.first[0], &texts)
                first = (pair.first[0], a.id ?? rows.new(a.text!), cite(pair.first))
            }
            let b = written(pair.other[0], &texts)
            let kind: Int32
            if let known = kinds.first(where: { $0.kind == pair.kind }) {
                kind = known.id
            } else {
                kind = rows.new(pair.kind)
                kinds.append((pair.kind, kind))
            }
            let (docB, lineB) = columns.cells(pair.other[0]) { c, r in (c.doc[r], c.line[r]) }
            let valueB = b.id ?? rows.new(b.text!), citedB = cite(pair.other)
            columns.cells(pair.first[0]) { c, r in
                rows.append(doc: c.doc[r], line: c.line[r], region: c.region[r], year: c.year[r], subject: c.subject[r],
                            unit: c.baseUnit[r], valueA: first!.written, citedA: first!.cited, valueB: valueB,
                            citedB: citedB, docB: docB, lineB: lineB, kind: kind)
            }
        }
        return rows
    }

    /// The value as written: a figure's `stated` cell, or an indicator's operator, value and unit.
    private func written(_ n: Int, _ texts: inout LocalStrings) -> (id: Int32?, text: String?) {
        let isFigure = n < columns.figureCount
        return columns.cells(n) { c, r in
            guard !isFigure else { return (c.stated[r], nil) }
            let value = c.value[r]
            return (nil, ComparisonOp.stated(texts[c.op[r]].flatMap(ComparisonOp.init(rawValue:)),
                                             value.isNaN ? c.baseValue[r] : value, texts[c.unit[r]]))
        }
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
