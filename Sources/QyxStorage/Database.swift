import QyxModel
import QyxText

/// One field of a table, stored by type: ints and doubles unboxed (Int.min and NaN mean null),
/// text and dates as pool ids (-1 means null), lists and records as values.
public struct Column: Sendable {
    public let spec: FieldSpec
    package var ints: [Int] = []
    package var doubles: [Double] = []
    package var texts: [Int32] = []
    var values: [Value] = []
    /// The text of the last cell appended, while building.
    private var lastText: String?

    public static let nullInt = Int.min
    public static let nullText: Int32 = -1

    init(spec: FieldSpec, capacity: Int) {
        self.spec = spec
        switch spec.type {
        case .int: ints.reserveCapacity(capacity)
        case .number: doubles.reserveCapacity(capacity)
        case .text, .date: texts.reserveCapacity(capacity)
        case .list, .record: values.reserveCapacity(capacity)
        }
    }

    mutating func append(text s: String?, pool: inout StringPool.Builder) {
        guard let s else {
            texts.append(Self.nullText)
            lastText = nil
            return
        }
        // Rows of one document repeat its doc, region, domain and unit: a byte compare with the
        // previous cell is far cheaper than hashing the string again.
        if let last = lastText, TextKey.sameBytes(last, s) {
            texts.append(texts[texts.count - 1])
        } else {
            texts.append(pool.intern(s))
            lastText = s
        }
    }

    /// A text cell given as an id the pool (or a piece's own string table) already holds.
    mutating func append(id: Int32) {
        texts.append(id)
        lastText = nil
    }

    mutating func append(int i: Int?) { ints.append(i ?? Self.nullInt) }
    mutating func append(number d: Double?) { doubles.append(d ?? .nan) }
    mutating func append(value v: Value) { values.append(v) }

    /// The cell as a value.
    @inline(__always)
    public func value(_ row: Int, _ pool: StringPool) -> Value {
        switch spec.type {
        case .int:
            let i = ints[row]
            return i == Self.nullInt ? .null : .int(i)
        case .number:
            let d = doubles[row]
            return d.isNaN ? .null : .double(d)
        case .text:
            let id = texts[row]
            return id < 0 ? .null : .text(pool[id])
        case .date:
            let id = texts[row]
            return id < 0 ? .null : .date(pool[id])
        case .list, .record:
            return values[row]
        }
    }
}

/// Appends each cell a row writes to the next column.
struct ColumnWriter: RowWriter {
    var columns: [Column]
    var strings = StringPool.Builder()
    var next = 0

    init(fields: [FieldSpec], capacity: Int) { columns = fields.map { Column(spec: $0, capacity: capacity) } }

    mutating func text(_ s: String?) {
        check(.text)
        columns[next].append(text: s, pool: &strings)
        next += 1
    }

    mutating func date(_ s: String?) {
        check(.date)
        columns[next].append(text: s, pool: &strings)
        next += 1
    }

    /// A text cell already interned: its id.
    mutating func id(_ id: Int32) {
        check(.text)
        columns[next].append(id: id)
        next += 1
    }

    mutating func int(_ i: Int?) {
        check(.int)
        columns[next].append(int: i)
        next += 1
    }

    mutating func number(_ d: Double?) {
        check(.number)
        columns[next].append(number: d)
        next += 1
    }

    mutating func value(_ v: Value) {
        check(.list)
        columns[next].append(value: v)
        next += 1
    }

    /// A cell written as another type than its field's would land in the wrong array.
    private func check(_ type: FieldType) {
        assert(columns[next].spec.type == type || (type == .list && columns[next].spec.type == .record),
               "field \(columns[next].spec.name) is \(columns[next].spec.type), written as \(type)")
    }
}

/// An entity stored column by column.
public final class Table: @unchecked Sendable {
    public let name: String
    public let fields: [FieldSpec]
    public internal(set) var columns: [Column]
    public internal(set) var count = 0
    /// Row of the `documents` table each row comes from (-1 when none).
    public internal(set) var documentRow: [Int32] = []
    let fieldIndex: [String: Int]

    convenience init(name: String, fields: [FieldSpec], capacity: Int) {
        self.init(name: name, fields: fields, columns: fields.map { Column(spec: $0, capacity: capacity) }, count: 0)
    }

    init(name: String, fields: [FieldSpec], columns: [Column], count: Int) {
        self.name = name
        self.fields = fields
        self.columns = columns
        self.count = count
        fieldIndex = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1.name, $0) })
    }

    /// `rows` in columns, their strings interned in `strings`.
    static func build<R: EntityRecord>(_ name: String, _ rows: ArraySlice<R>, strings: inout StringPool.Builder) -> Table {
        var writer = ColumnWriter(fields: R.fields, capacity: rows.count)
        swap(&writer.strings, &strings)
        for row in rows {
            writer.next = 0
            row.write(to: &writer)
            assert(writer.next == R.fields.count, "\(R.self) wrote \(writer.next) of \(R.fields.count) cells")
        }
        swap(&writer.strings, &strings)
        return Table(name: name, fields: R.fields, columns: writer.columns, count: rows.count)
    }

    /// Appends the rows of `part`, whose text cells hold ids of another pool: `ids[i]` is the
    /// id here of that pool's string `i`.
    func append(_ part: Table, ids: [Int32]) {
        for i in columns.indices {
            let from = part.columns[i]
            switch from.spec.type {
            case .int: columns[i].ints += from.ints
            case .number: columns[i].doubles += from.doubles
            case .text, .date: columns[i].texts += from.texts.lazy.map { $0 < 0 ? $0 : ids[Int($0)] }
            case .list, .record: columns[i].values += from.values
            }
        }
        count += part.count
    }

    /// Row `r` as values in field order, as the model's row gave them.
    public func row(_ r: Int, _ pool: StringPool) -> [Value] { columns.map { $0.value(r, pool) } }

    public func column(_ name: String) -> Column? { fieldIndex[name].map { columns[$0] } }
    public func index(of field: String) -> Int? { fieldIndex[field] }
}

/// The queryable form of a corpus: one columnar table per entity, sharing one string pool.
public final class Database: @unchecked Sendable {
    public let pool: StringPool
    public private(set) var tables: [String: Table] = [:]
    /// The documents and diagnostics of the corpus; the rows themselves live only in the
    /// tables, so the model's copy can be freed once they are built.
    public let corpus: Corpus

    /// Copies every entity of `corpus` into columns, freeing the model's rows entity by entity.
    /// Its conflicts are found again from the columns, as for documents loaded part by part.
    public convenience init(_ corpus: consuming Corpus) {
        var builder = Builder()
        builder.append(Part(corpus))
        let built = builder.finish()
        self.init(pool: built.pool, tables: built.tables, corpus: built.corpus)
    }

    /// A database whose tables were built elsewhere (read from an image, or by a `Builder`).
    init(pool: StringPool, tables: [String: Table], corpus: Corpus) {
        self.pool = pool
        self.tables = tables
        self.corpus = corpus
    }

    /// The table named by a user (any case); nil when no entity has that name.
    public func table(_ name: String) -> Table? { tables[name.lowercased()] }
    /// The table of an entity; an empty one with the entity's fields when none was built, so
    /// callers naming an entity by its kind need no unwrapping.
    public func table(_ entity: EntityKind) -> Table {
        tables[entity.rawValue] ?? Table(name: entity.rawValue, fields: entity.fields, capacity: 0)
    }
    /// Every entity's table, in `EntityKind` order.
    public var entityTables: [Table] { EntityKind.allCases.map { table($0) } }
    /// Rows of an entity.
    public func count(_ entity: EntityKind) -> Int { tables[entity.rawValue]?.count ?? 0 }
    public var entityNames: [String] { EntityKind.allCases.map(\.rawValue) }
}
