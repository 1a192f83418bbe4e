import CSQLite
import Foundation
import QyxLanguage
import QyxModel
import Testing

/// The same rows in the system SQLite and in qyx: a generated set of filters, sorts and
/// aggregates must give the same answers in both.
@Suite struct SQLiteOracleTests {
    /// An in-memory SQLite database holding the scalar fields of an entity.
    final class Oracle {
        var db: OpaquePointer?

        init(_ entity: EntityKind) throws {
            guard sqlite3_open(":memory:", &db) == SQLITE_OK else { throw CLIError("sqlite3_open failed") }
            let fields = entity.fields.filter { $0.type != .list && $0.type != .record }
            let columns = fields.map { f -> String in
                let type = f.type == .int ? "INTEGER" : f.type == .number ? "REAL" : "TEXT"
                return "\(f.name) \(type)"
            }
            try exec("CREATE TABLE \(entity.rawValue) (\(columns.joined(separator: ", ")))")
            let insert = "INSERT INTO \(entity.rawValue) VALUES (\(fields.map { _ in "?" }.joined(separator: ",")))"
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(db, insert, -1, &statement, nil) == SQLITE_OK else { throw CLIError(message) }
            defer { sqlite3_finalize(statement) }
            let indexes = fields.map { f in entity.fields.firstIndex { $0.name == f.name }! }
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            for row in entity.rows(in: builtin) {
                sqlite3_reset(statement)
                for (position, i) in indexes.enumerated() {
                    let p = Int32(position + 1)
                    switch row[i] {
                    case .null: sqlite3_bind_null(statement, p)
                    case .int(let v): sqlite3_bind_int64(statement, p, Int64(v))
                    case .double(let v): sqlite3_bind_double(statement, p, v)
                    case .text(let s), .date(let s): sqlite3_bind_text(statement, p, s, -1, transient)
                    default: sqlite3_bind_null(statement, p)
                    }
                }
                guard sqlite3_step(statement) == SQLITE_DONE else { throw CLIError(message) }
            }
        }

        deinit { sqlite3_close(db) }

        var message: String { String(cString: sqlite3_errmsg(db)) }

        func exec(_ sql: String) throws {
            guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw CLIError("\(message): \(sql)") }
        }

        func rows(_ sql: String) throws -> [[Value]] {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else { throw CLIError("\(message): \(sql)") }
            defer { sqlite3_finalize(statement) }
            var out: [[Value]] = []
            while sqlite3_step(statement) == SQLITE_ROW {
                out.append((0..<sqlite3_column_count(statement)).map { c in
                    switch sqlite3_column_type(statement, c) {
                    case SQLITE_INTEGER: return .int(Int(sqlite3_column_int64(statement, c)))
                    case SQLITE_FLOAT: return .double(sqlite3_column_double(statement, c))
                    case SQLITE_NULL: return .null
                    default: return .text(String(cString: sqlite3_column_text(statement, c)))
                    }
                })
            }
            return out
        }
    }

    /// Equal as an analyst reads them: numbers within rounding, text exactly, null as null.
    static func same(_ a: [[Value]], _ b: [[Value]]) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            guard x.count == y.count else { return false }
            for (u, v) in zip(x, y) {
                if let p = u.number, let q = v.number {
                    if abs(p - q) > 1e-9 * max(1, abs(p), abs(q)) { return false }
                } else if u.displayText != v.displayText || u.isNull != v.isNull {
                    return false
                }
            }
        }
        return true
    }

    /// A filter written both ways.
    struct Filter {
        var qyx: String
        var sql: String
    }

    /// Deterministic pseudo-random numbers, so a failure reproduces.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11 ^ state
        }
    }

    static func indicatorAtoms() -> [Filter] {
        var atoms: [Filter] = []
        for y in 2022...2027 { atoms.append(Filter(qyx: "year = \(y)", sql: "year = \(y)")) }
        for v in ["0.6", "5", "25", "90", "100", "1300"] {
            for op in ["<", "<=", ">", ">=", "=", "!="] { atoms.append(Filter(qyx: "value \(op) \(v)", sql: "value \(op) \(v)")) }
        }
        for d in Domain.all.prefix(7) {
            atoms.append(Filter(qyx: "domain = \(d.name)", sql: "domain = '\(d.name)'"))
            atoms.append(Filter(qyx: "domain = \(d.alias)", sql: "domain = '\(d.name)'"))
        }
        for r in ["洞头区", "嵊泗县"] { atoms.append(Filter(qyx: "region = \(r)", sql: "region = '\(r)'")) }
        for t in ["托位", "率", "人数", "养老", "“"] {
            atoms.append(Filter(qyx: "name contains \"\(t)\"", sql: "instr(name, '\(t)') > 0"))
            atoms.append(Filter(qyx: "name like '%\(t)%'", sql: "name like '%\(t)%'"))
        }
        for op in ["=", ">", ">=", "<"] { atoms.append(Filter(qyx: "op = \"\(op)\"", sql: "op = '\(op)'")) }
        atoms += [
            Filter(qyx: "lead is null", sql: "lead is null"), Filter(qyx: "lead is not null", sql: "lead is not null"),
            Filter(qyx: "value is null", sql: "value is null"), Filter(qyx: "unit = \"%\"", sql: "unit = '%'"),
            Filter(qyx: "seq in (1, 2, 3, 18)", sql: "seq in (1, 2, 3, 18)"),
            Filter(qyx: "seq between 10 and 20", sql: "seq between 10 and 20"),
            Filter(qyx: "seq not between 3 and 30", sql: "seq not between 3 and 30"),
            Filter(qyx: "kind = baseline", sql: "kind = 'baseline'"),
            Filter(qyx: "lead = 县卫健局", sql: "lead = '县卫健局'"),
            Filter(qyx: "base_unit = 人", sql: "base_unit = '人'"),
            Filter(qyx: "base_value > 1000", sql: "base_value > 1000"),
            Filter(qyx: "target like '>%'", sql: "target like '>%'"),
            Filter(qyx: "name < \"城\"", sql: "name < '城'"),
            Filter(qyx: "value * 2 > 100", sql: "value * 2 > 100"),
            Filter(qyx: "seq % 2 = 0", sql: "seq % 2 = 0"),
        ]
        return atoms
    }

    /// Random boolean combinations of the atoms.
    static func combinations(_ atoms: [Filter], count: Int, seed: UInt64) -> [Filter] {
        var g = Generator(state: seed)
        var out = atoms
        while out.count < count {
            let a = atoms.randomElement(using: &g)!, b = atoms.randomElement(using: &g)!
            switch Int.random(in: 0..<4, using: &g) {
            case 0: out.append(Filter(qyx: "\(a.qyx) and \(b.qyx)", sql: "(\(a.sql)) and (\(b.sql))"))
            case 1: out.append(Filter(qyx: "\(a.qyx) or \(b.qyx)", sql: "(\(a.sql)) or (\(b.sql))"))
            case 2: out.append(Filter(qyx: "not (\(a.qyx)) and \(b.qyx)", sql: "not (\(a.sql)) and (\(b.sql))"))
            default:
                let c = atoms.randomElement(using: &g)!
                out.append(Filter(qyx: "(\(a.qyx) or \(b.qyx)) and not \(c.qyx)", sql: "((\(a.sql)) or (\(b.sql))) and not (\(c.sql))"))
            }
        }
        return out
    }

    @Test func indicatorFiltersSortsAndAggregates() throws {
        let oracle = try Oracle(.indicators)
        let filters = Self.combinations(Self.indicatorAtoms(), count: 400, seed: 7)
        // How many of the 2,000 answers hold rows, and how many rows they hold: exact, so that a
        // generator that drifts into empty answers (which agree vacuously) fails here.
        var answered = 0, rowsCompared = 0
        for f in filters {
            let shapes: [(String, String)] = [
                ("select doc, line, year from indicators where \(f.qyx) order by doc, line, year",
                 "select doc, line, year from indicators where \(f.sql) order by doc, line, year"),
                ("select count(*), sum(value), avg(value), min(value), max(value), count(distinct lead) from indicators where \(f.qyx)",
                 "select count(*), sum(value), avg(value), min(value), max(value), count(distinct lead) from indicators where \(f.sql)"),
                ("select domain, count(*) as n, avg(base_value) from indicators where \(f.qyx) group by domain order by n desc, domain",
                 "select domain, count(*) as n, avg(base_value) from indicators where \(f.sql) group by domain order by n desc, domain"),
                ("select name, value from indicators where \(f.qyx) order by value desc, name, year limit 7 offset 2",
                 "select name, value from indicators where \(f.sql) order by value desc, name, year limit 7 offset 2"),
                ("select distinct region, year from indicators where \(f.qyx) order by year desc, region",
                 "select distinct region, year from indicators where \(f.sql) order by year desc, region"),
            ]
            for (q, sql) in shapes {
                let mine = try query(q).rows
                let theirs = try oracle.rows(sql)
                #expect(Self.same(mine, theirs), "\(q)\nqyx: \(mine.prefix(3))\nsqlite: \(theirs.prefix(3))")
                if !theirs.isEmpty { answered += 1 }
                rowsCompared += theirs.count
            }
        }
        #expect(filters.count == 400)
        #expect(answered == 1840 && rowsCompared == 36231)
    }

    /// substr over every start and length that SQLite's rule treats differently (negative,
    /// zero, past either end), and replace and nullif, on every indicator's name and unit.
    @Test func textFunctionsAgreeWithSQLite() throws {
        let oracle = try Oracle(.indicators)
        var queries = 0, rowsCompared = 0
        let calls = [-30, -5, -2, -1, 0, 1, 2, 3, 7, 30].flatMap { start in
            [nil, -30, -3, -1, 0, 1, 2, 5, 40].map { length in "substr(name, \(start)\(length.map { ", \($0)" } ?? ""))" }
        } + ["replace(name, '托位', '床位')", "replace(name, '', 'x')", "replace(unit, '%', '')",
             "nullif(unit, '%')", "nullif(seq, 1)", "length(substr(name, 3))"]
        for call in calls {
            let q = "select doc, line, year, \(call) from indicators order by doc, line, year"
            let mine = try query(q.replacingOccurrences(of: "'", with: "\"")).rows
            let theirs = try oracle.rows(q)
            #expect(Self.same(mine, theirs), "\(q)\nqyx: \(mine.prefix(3))\nsqlite: \(theirs.prefix(3))")
            queries += 1
            rowsCompared += theirs.count
        }
        #expect(queries == 96 && rowsCompared == 96 * 266)
    }

    @Test func projectQueries() throws {
        let oracle = try Oracle(.projects)
        let filters: [Filter] = [
            Filter(qyx: "investment >= 1", sql: "investment >= 1"),
            Filter(qyx: "investment < 0.5 or investment is null", sql: "investment < 0.5 or investment is null"),
            Filter(qyx: "category = 便民 and start_year = 2024", sql: "category = '便民' and start_year = 2024"),
            Filter(qyx: "end_year - start_year >= 2", sql: "end_year - start_year >= 2"),
            Filter(qyx: "name contains 工程 and not (status = 新建)", sql: "instr(name, '工程') > 0 and not (status = '新建')"),
            Filter(qyx: "annual_investment is not null", sql: "annual_investment is not null"),
            Filter(qyx: "location in (菜园镇, 花鸟乡)", sql: "location in ('菜园镇', '花鸟乡')"),
        ]
        for f in filters {
            let q = "select name, investment, start_year from projects where \(f.qyx) order by investment desc, name"
            let sql = "select name, investment, start_year from projects where \(f.sql) order by investment desc, name"
            #expect(Self.same(try query(q).rows, try oracle.rows(sql)), "\(q)")
            let g = "select category, count(*) as n, sum(investment), max(end_year) from projects where \(f.qyx) group by category order by category"
            let gs = "select category, count(*) as n, sum(investment), max(end_year) from projects where \(f.sql) group by category order by category"
            #expect(Self.same(try query(g).rows, try oracle.rows(gs)), "\(g)")
        }
    }
}
