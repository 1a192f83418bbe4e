import QyxModel
import Synchronization

/// Interned strings: each distinct text is stored once and columns hold 32-bit ids, so that a
/// million rows of repeated regions, domains and units cost four bytes a cell.
public final class StringPool: Sendable {
    public let strings: [String]
    /// Id of each string. A pool read from an image builds it on the first lookup: hashing every
    /// string would cost a cold start more than reading the whole image.
    private let ids: Mutex<[TextKey: Int32]?>

    init(strings: [String], ids: [TextKey: Int32]?) {
        self.strings = strings
        self.ids = Mutex(ids)
    }

    /// The id of `s` if any cell holds it.
    public func id(of s: String) -> Int32? {
        ids.withLock { ids in
            if ids == nil {
                ids = Dictionary(strings.enumerated().map { (TextKey($1), Int32($0)) }, uniquingKeysWith: min)
            }
            return ids![TextKey(s)]
        }
    }

    public subscript(id: Int32) -> String { strings[Int(id)] }
    public var count: Int { strings.count }

    /// Collects the strings of a database while its tables are built.
    struct Builder {
        private(set) var strings: [String] = []
        private var ids: [TextKey: Int32]

        /// Room for `capacity` strings before the table grows (each growth rehashes them all).
        init(capacity: Int = 0) { ids = Dictionary(minimumCapacity: capacity) }

        /// The id of `s`, or of the first string canonically equivalent to it.
        mutating func intern(_ s: String) -> Int32 {
            let key = TextKey(s)
            if let id = ids[key] { return id }
            let id = Int32(strings.count)
            strings.append(s)
            ids[key] = id
            return id
        }

        func finish() -> StringPool { StringPool(strings: strings, ids: ids) }
    }
}

/// One field of a table, stored by type: ints and doubles unboxed (Int.min and NaN mean null),
/// text and dates as pool ids (-1 means null), lists and records as values.
public struct Column: Sendable {
    public let spec: FieldSpec
    var ints: [Int] = []
    var doubles: [Double] = []
    var texts: [Int32] = []
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

    mutating func append(_ v: Value, pool: inout StringPool.Builder) {
        switch spec.type {
        case .int:
            if case .int(let i) = v { ints.append(i) } else if let d = v.number { ints.append(Int(d)) } else { ints.append(Self.nullInt) }
        case .number:
            doubles.append(v.number ?? .nan)
        case .text, .date:
            switch v {
            case .text(let s), .date(let s):
                // Rows of one document repeat its doc, region, domain and unit: a byte compare
                // with the previous cell is far cheaper than hashing the string again.
                if let last = lastText, TextKey.sameBytes(last, s) {
                    texts.append(texts[texts.count - 1])
                } else {
                    texts.append(pool.intern(s))
                    lastText = s
                }
            default:
                texts.append(Self.nullText)
                lastText = nil
            }
        case .list, .record:
            values.append(v)
        }
    }

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

/// An entity stored column by column.
public final class Table: @unchecked Sendable {
    public let name: String
    public let fields: [FieldSpec]
    public internal(set) var columns: [Column]
    public internal(set) var count = 0
    /// Row of the `documents` table each row comes from (-1 when none).
    public internal(set) var documentRow: [Int32] = []
    let fieldIndex: [String: Int]

    init(name: String, fields: [FieldSpec], capacity: Int) {
        self.name = name
        self.fields = fields
        columns = fields.map { Column(spec: $0, capacity: capacity) }
        fieldIndex = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1.name, $0) })
    }

    func append(_ row: [Value], pool: inout StringPool.Builder) {
        for i in columns.indices { columns[i].append(row[i], pool: &pool) }
        count += 1
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
    /// Entities of more than `partRows` rows are built in parts on all cores.
    public init(_ corpus: consuming Corpus, partRows: Int = 32_768) {
        var slim = Corpus()
        slim.documents = corpus.documents
        slim.diagnostics = corpus.diagnostics
        self.corpus = slim
        var strings = StringPool.Builder()
        for entity in EntityKind.allCases {
            tables[entity.rawValue] = Self.table(entity, of: corpus, partRows: partRows, strings: &strings)
            corpus.removeRows(of: entity)
        }
        pool = strings.finish()
        // Each row's document, for document.FIELD.
        let docs = tables["documents"]!
        var docRows: [Int32: Int32] = [:]
        if let id = docs.column("id") { for r in 0..<docs.count { docRows[id.texts[r]] = Int32(r) } }
        for table in tables.values {
            guard let doc = table.column("doc") else { continue }
            table.documentRow = (0..<table.count).map { doc.texts[$0] < 0 ? -1 : docRows[doc.texts[$0]] ?? -1 }
        }
    }

    /// The table of one entity. A large one is built in parts on all cores, each part with its
    /// own strings, then the parts are appended in order with their string ids mapped into
    /// `strings`. Strings are met in the same order as in a one-part build, so the ids, and the
    /// database, are the same whatever the number of cores.
    static func table(_ entity: EntityKind, of corpus: Corpus, partRows: Int, strings: inout StringPool.Builder) -> Table {
        let count = entity.count(in: corpus)
        let table = Table(name: entity.rawValue, fields: entity.fields, capacity: count)
        let partRows = max(1, partRows)
        let parts = count <= partRows ? 1 : (count - 1) / partRows + 1
        guard parts > 1 else {
            entity.forEachRow(in: corpus) { table.append($0, pool: &strings) }
            return table
        }
        // A few parts at a time: all of them at once would hold the table twice.
        let wave = 4
        for first in stride(from: 0, to: parts, by: wave) {
            let built = Parallel.map(min(wave, parts - first)) { i in
                let rows = (first + i) * partRows..<min(count, (first + i + 1) * partRows)
                var local = StringPool.Builder(capacity: rows.count)
                let part = Table(name: entity.rawValue, fields: entity.fields, capacity: rows.count)
                entity.forEachRow(in: corpus, rows: rows) { part.append($0, pool: &local) }
                return (part, local)
            }
            for (part, local) in built { table.append(part, ids: local.strings.map { strings.intern($0) }) }
        }
        return table
    }

    /// A database whose tables were built elsewhere (read from an image).
    init(pool: StringPool, tables: [String: Table], corpus: Corpus) {
        self.pool = pool
        self.tables = tables
        self.corpus = corpus
    }

    public func table(_ name: String) -> Table? { tables[name.lowercased()] }
    /// Rows of an entity.
    public func count(_ entity: EntityKind) -> Int { tables[entity.rawValue]?.count ?? 0 }
    public var entityNames: [String] { EntityKind.allCases.map(\.rawValue) }
}
