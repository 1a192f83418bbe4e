import QyxModel

/// A database written out as bytes and read back without parsing any document: the built-in
/// corpus ships as one, so that a cold start costs a file read instead of a full load.
///
/// Layout (little-endian): magic, format version, the string pool, the documents and
/// diagnostics of the slim corpus, then each entity's table in `EntityKind` order, its columns
/// stored as raw arrays. The reader checks every table against the current schema, so an image
/// from another version of qyx is refused rather than misread.
public enum DatabaseImage {
    static let magic = Array("QYXIMAGE".utf8)
    /// Bump when the layout or any entity's fields change.
    static let version: UInt32 = 1

    /// Why an image cannot be read.
    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// The bytes of `database`; the same database always gives the same bytes.
    public static func write(_ database: Database) -> [UInt8] {
        var out = ImageWriter()
        out.bytes += magic
        out.u32(version)
        out.u32(UInt32(database.pool.count))
        for s in database.pool.strings { out.string(s) }
        let corpus = database.corpus
        out.u32(UInt32(corpus.documents.count))
        for d in corpus.documents { out.document(d) }
        out.u32(UInt32(corpus.diagnostics.count))
        for d in corpus.diagnostics { out.diagnostic(d) }
        for entity in EntityKind.allCases {
            let table = database.table(entity)
            out.u32(UInt32(table.count))
            for column in table.columns {
                out.string(column.spec.name)
                out.string(column.spec.type.rawValue)
                switch column.spec.type {
                case .int: out.raw(column.ints)
                case .number: out.raw(column.doubles)
                case .text, .date: out.raw(column.texts)
                case .list, .record: for v in column.values { out.value(v) }
                }
            }
            out.raw(table.documentRow)
        }
        return out.bytes
    }

    /// The database stored in `bytes`.
    public static func read(_ bytes: [UInt8]) throws -> Database {
        var input = ImageReader(bytes: bytes)
        guard try input.take(magic.count) == magic[...] else { throw Invalid(description: "not a qyx database image") }
        let found = try input.u32()
        guard found == version else { throw Invalid(description: "image format \(found), this qyx reads \(version)") }
        let strings = try input.items(minimumBytes: 4) { try $0.string() }
        var corpus = Corpus()
        corpus.documents = try input.items(minimumBytes: 60) { try $0.document() }
        corpus.diagnostics = try input.items(minimumBytes: 20) { try $0.diagnostic() }
        var tables: [String: Table] = [:]
        for entity in EntityKind.allCases {
            let count = Int(try input.u32())
            let table = Table(name: entity.rawValue, fields: entity.fields, capacity: 0)
            for i in table.columns.indices {
                let spec = table.columns[i].spec
                let name = try input.string(), type = try input.string()
                guard name == spec.name, type == spec.type.rawValue else {
                    throw Invalid(description: "\(entity.rawValue).\(name) (\(type)) is not \(spec.name) (\(spec.type.rawValue)) in this qyx")
                }
                switch spec.type {
                case .int: table.columns[i].ints = try input.raw(count)
                case .number: table.columns[i].doubles = try input.raw(count)
                case .text, .date: table.columns[i].texts = try input.raw(count)
                case .list, .record: table.columns[i].values = try input.items(count, minimumBytes: 1) { try $0.value() }
                }
            }
            // Only tables with a `doc` column map rows to documents.
            table.documentRow = try input.raw(table.column("doc") == nil ? 0 : count)
            table.count = count
            tables[entity.rawValue] = table
        }
        guard input.atEnd else { throw Invalid(description: "\(bytes.count - input.offset) bytes after the last table") }
        return Database(pool: StringPool(strings: strings, index: nil), tables: tables, corpus: corpus)
    }
}

/// Appends little-endian numbers, length-prefixed UTF-8 and whole arrays of plain values.
private struct ImageWriter {
    var bytes: [UInt8] = []

    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func i64(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { bytes += $0 } }
    mutating func string(_ s: String) {
        u32(UInt32(s.utf8.count))
        bytes += s.utf8
    }
    mutating func optionalString(_ s: String?) {
        guard let s else { return u32(.max) }
        string(s)
    }
    mutating func optionalInt(_ i: Int?) { i64(i ?? Column.nullInt) }
    /// Columns are written as their memory; every machine qyx runs on is little-endian.
    mutating func raw<T: BitwiseCopyable>(_ items: [T]) {
        u32(UInt32(items.count))
        items.withUnsafeBytes { bytes += $0 }
    }

    mutating func document(_ d: PlanDocument) {
        string(d.id); string(d.source); i64(d.line)
        for s in [d.title, d.region, d.issuer, d.number, d.written, d.published, d.kind] { optionalString(s) }
        optionalInt(d.periodStart); optionalInt(d.periodEnd)
    }

    mutating func diagnostic(_ d: Diagnostic) {
        string(d.severity.rawValue); string(d.file); optionalInt(d.line); string(d.message)
    }

    mutating func value(_ v: Value) {
        switch v {
        case .null: bytes.append(0)
        case .int(let i): bytes.append(1); i64(i)
        case .double(let d): bytes.append(2); withUnsafeBytes(of: d.bitPattern.littleEndian) { bytes += $0 }
        case .text(let s): bytes.append(3); string(s)
        case .date(let s): bytes.append(4); string(s)
        case .list(let items): bytes.append(5); u32(UInt32(items.count)); items.forEach { value($0) }
        case .record(let fields):
            bytes.append(6); u32(UInt32(fields.count))
            for f in fields { string(f.name); value(f.value) }
        }
    }
}

/// Reads what `ImageWriter` wrote, failing (never trapping) on a short or damaged image.
private struct ImageReader {
    let bytes: [UInt8]
    var offset = 0

    var atEnd: Bool { offset == bytes.count }

    mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
        guard n >= 0, n <= bytes.count - offset else { throw DatabaseImage.Invalid(description: "image ends early (at byte \(offset))") }
        defer { offset += n }
        return bytes[offset..<offset + n]
    }

    mutating func fixed<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let slice = try take(MemoryLayout<T>.size)
        return T(littleEndian: slice.withUnsafeBytes { $0.loadUnaligned(as: T.self) })
    }

    mutating func u32() throws -> UInt32 { try fixed(UInt32.self) }
    mutating func i64() throws -> Int { Int(try fixed(Int64.self)) }

    mutating func string() throws -> String {
        let slice = try take(Int(try u32()))
        return String(decoding: slice, as: UTF8.self)
    }

    mutating func optionalString() throws -> String? {
        let length = try u32()
        guard length != .max else { return nil }
        return String(decoding: try take(Int(length)), as: UTF8.self)
    }

    mutating func optionalInt() throws -> Int? {
        let i = try i64()
        return i == Column.nullInt ? nil : i
    }

    mutating func raw<T: BitwiseCopyable>(_ expected: Int) throws -> [T] {
        let count = Int(try u32())
        guard count == expected else { throw DatabaseImage.Invalid(description: "a column of \(count) rows in a table of \(expected)") }
        let slice = try take(count * MemoryLayout<T>.stride)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            slice.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
            initialized = count
        }
    }

    /// A count, then that many items read by `item`, each of at least `minimumBytes` bytes. A
    /// count the rest of the image cannot hold is refused before anything is allocated for it
    /// (`(0..<count).map` reserved room for a damaged header's four billion; found by FuzzImage).
    mutating func items<T>(minimumBytes: Int, _ item: (inout ImageReader) throws -> T) throws -> [T] {
        try items(Int(try u32()), minimumBytes: minimumBytes, item)
    }

    mutating func items<T>(_ count: Int, minimumBytes: Int, _ item: (inout ImageReader) throws -> T) throws -> [T] {
        guard count <= (bytes.count - offset) / minimumBytes else {
            throw DatabaseImage.Invalid(description: "\(count) items where \(bytes.count - offset) bytes are left (at byte \(offset))")
        }
        var out: [T] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try item(&self)) }
        return out
    }

    mutating func document() throws -> PlanDocument {
        var d = PlanDocument(id: try string(), source: try string())
        d.line = try i64()
        d.title = try optionalString(); d.region = try optionalString(); d.issuer = try optionalString()
        d.number = try optionalString(); d.written = try optionalString(); d.published = try optionalString()
        d.kind = try optionalString()
        d.periodStart = try optionalInt(); d.periodEnd = try optionalInt()
        return d
    }

    mutating func diagnostic() throws -> Diagnostic {
        guard let severity = Diagnostic.Severity(rawValue: try string()) else { throw DatabaseImage.Invalid(description: "unknown diagnostic severity") }
        let file = try string(), line = try optionalInt()
        return Diagnostic(severity, file: file, line: line, try string())
    }

    mutating func value(depth: Int = 0) throws -> Value {
        guard depth < 64 else { throw DatabaseImage.Invalid(description: "values nested too deep") }
        switch try take(1).first! {
        case 0: return .null
        case 1: return .int(try i64())
        case 2: return .double(Double(bitPattern: UInt64(littleEndian: UInt64(bitPattern: Int64(try i64())))))
        case 3: return .text(try string())
        case 4: return .date(try string())
        case 5: return .list(try items(minimumBytes: 1) { try $0.value(depth: depth + 1) })
        case 6: return .record(try items(minimumBytes: 5) { Value.RecordField(try $0.string(), try $0.value(depth: depth + 1)) })
        case let tag: throw DatabaseImage.Invalid(description: "unknown value tag \(tag)")
        }
    }
}
