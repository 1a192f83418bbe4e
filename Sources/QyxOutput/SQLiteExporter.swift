import CSQLite
import Foundation
import QyxModel
import QyxStorage

/// Writes every entity of a database into a SQLite database (one table per entity, one column
/// per field), so the same rows open in sqlite3, DuckDB or Datasette.
public enum SQLiteExporter {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// `PRAGMA application_id` of every database qyx writes ('QYX1'): how qyx knows a file it
    /// may replace from somebody's own database.
    public static let applicationID: UInt32 = 0x5159_5831

    /// Writes a new database into `path`, which is absent or empty (the caller chose and checked
    /// it). Lists and records are stored as JSON text.
    public static func export(_ database: Database, to path: String) throws {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK, let db else {
            throw Failure(description: "cannot create SQLite database '\(path)'")
        }
        defer { sqlite3_close(db) }
        try run(db, "PRAGMA application_id = \(Int32(bitPattern: applicationID)); PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN")
        for entity in EntityKind.allCases {
            guard let table = database.table(entity.rawValue) else { continue }
            let fields = table.fields
            let columns = fields.map { "\(quoted($0.name)) \(sqlType($0.type))" }.joined(separator: ", ")
            try run(db, "CREATE TABLE \(entity.rawValue) (\(columns))")
            let marks = Array(repeating: "?", count: fields.count).joined(separator: ", ")
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(db, "INSERT INTO \(entity.rawValue) VALUES (\(marks))", -1, &statement, nil) == SQLITE_OK else {
                throw Failure(description: message(db))
            }
            defer { sqlite3_finalize(statement) }
            for r in 0..<table.count {
                sqlite3_reset(statement)
                for (i, value) in table.row(r, database.pool).enumerated() { bind(value, at: Int32(i + 1), in: statement) }
                guard sqlite3_step(statement) == SQLITE_DONE else { throw Failure(description: message(db)) }
            }
        }
        try run(db, "COMMIT")
    }

    /// Whether `path` is a SQLite database that qyx wrote: the header's application id
    /// (big-endian at byte 68), read without opening it as a database.
    public static func wroteDatabase(at path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 100), header.count == 100,
              header.starts(with: Array("SQLite format 3\0".utf8)) else { return false }
        return header[68..<72].reduce(0) { $0 << 8 | UInt32($1) } == applicationID
    }

    static func sqlType(_ type: FieldType) -> String {
        switch type {
        case .int: return "INTEGER"
        case .number: return "REAL"
        case .text, .date, .list, .record: return "TEXT"
        }
    }

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    static func bind(_ value: Value, at index: Int32, in statement: OpaquePointer?) {
        switch value {
        case .null: sqlite3_bind_null(statement, index)
        case .int(let i): sqlite3_bind_int64(statement, index, Int64(i))
        case .double(let d): sqlite3_bind_double(statement, index, d)
        case .text(let s), .date(let s): sqlite3_bind_text(statement, index, s, -1, transient)
        case .list, .record: sqlite3_bind_text(statement, index, JSONWriter.encode(value), -1, transient)
        }
    }

    static func run(_ db: OpaquePointer, _ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw Failure(description: message(db)) }
    }

    static func message(_ db: OpaquePointer?) -> String { String(cString: sqlite3_errmsg(db)) }
}
