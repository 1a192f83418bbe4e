import QyxModel
import QyxText

/// A piece of the conflicts table: columns in `Conflict.fields` order whose text cells are pool
/// ids, or -2 - i for the piece's own string i.
struct ConflictRows {
    private var writer: ColumnWriter
    var columns: [Column] { writer.columns }
    /// New strings, each hashed here, on the piece's thread. Not deduplicated:
    /// citations are nearly all distinct, and the pool merges repeats when the piece goes in.
    private var strings: [String] = []
    private var hashes: [Int] = []
    private(set) var count = 0

    init(capacity: Int) {
        assert(Conflict.fields.map(\.name) == ["doc", "line", "region", "year", "subject", "unit", "value_a", "cited_a",
                                               "value_b", "cited_b", "doc_b", "line_b", "kind"],
               "ConflictRows.append writes the fields of Conflict in this order")
        writer = ColumnWriter(fields: Conflict.fields, capacity: capacity)
        strings.reserveCapacity(capacity * 2)
        hashes.reserveCapacity(capacity * 2)
    }

    /// A string of this piece, as the cell that names it.
    mutating func new(_ s: String) -> Int32 {
        strings.append(s)
        hashes.append(TextKey(s).bytesHash)
        return -1 - Int32(strings.count)
    }

    mutating func append(doc: Int32, line: Int, region: Int32, year: Int, subject: Int32, unit: Int32, valueA: Int32,
                         citedA: Int32, valueB: Int32, citedB: Int32, docB: Int32, lineB: Int, kind: Int32) {
        writer.next = 0
        writer.id(doc); writer.int(line); writer.id(region); writer.int(year); writer.id(subject); writer.id(unit)
        writer.id(valueA); writer.id(citedA); writer.id(valueB); writer.id(citedB); writer.id(docB); writer.int(lineB)
        writer.id(kind)
        count += 1
    }

    /// An empty conflicts table with room for `rows`.
    static func table(capacity rows: Int) -> Table {
        Table(name: EntityKind.conflicts.rawValue, fields: Conflict.fields, capacity: rows)
    }

    /// Appends these rows to `table`, their own strings interned in `strings` in order.
    func append(to table: Table, strings: inout StringPool.Builder) {
        let ids = zip(self.strings, hashes).map { strings.intern($0, hash: $1) }
        for (c, column) in columns.enumerated() {
            switch column.spec.type {
            case .text, .date: table.columns[c].texts += column.texts.lazy.map { $0 >= -1 ? $0 : ids[Int(-2 - $0)] }
            default: table.columns[c].ints += column.ints
            }
        }
        table.count += count
    }
}
