import Foundation
import Testing

/// Integer arithmetic at the edges of 64 bits, regular expressions that backtrack without end,
/// and time limits on compare and render: through the real binary, each a located error with
/// exit status 1 (or a right answer), never a trap or a hang.
@Suite struct LimitTests {
    static let hint = "    hint: integers are 64-bit, -9223372036854775808 to 9223372036854775807; multiply by 1.0 to work in floating point\n"
    static let a40 = String(repeating: "a", count: 40), x40 = String(repeating: "x", count: 40)

    @Test func theReportedRemainderIsZeroNotATrap() throws {
        for q in ["select count(*) from indicators where -9223372036854775808 % -1 = 0",
                  "select count(*) from indicators where (year - year - 9223372036854775807 - 1) % (year - year - 1) = 0"] {
            let r = try runQyx(["--format", "csv", "-c", q])
            #expect(r.status == 0, "\(r.err)")
            #expect(r.out == "count(*)\n266\n")
        }
    }

    @Test func anOverflowIsALocatedErrorWithACaret() throws {
        let r = try runQyx(["-c", "select 9223372036854775807 + year from indicators limit 1"])
        #expect(r.status == 1)
        #expect(r.out.isEmpty)
        #expect(r.err == """
            <command>:1:8: error: integer overflow in 9223372036854775807 + 2022
                select 9223372036854775807 + year from indicators limit 1
                       ^~~~~~~~~~~~~~~~~~~~~~~~~~

            """ + Self.hint)
    }

    @Test(arguments: [
        ("select (year * 4611686018427387904) from indicators limit 1", "<command>:1:9: error: integer overflow in 2022 * 4611686018427387904"),
        ("select -9223372036854775807 - year from indicators limit 1", "<command>:1:8: error: integer overflow in -9223372036854775807 - 2022"),
        ("select count(*) from indicators where -(year - year - 9223372036854775807 - 1) > 0", "<command>:1:39: error: integer overflow in -(-9223372036854775808)"),
        ("select -(-9223372036854775808) from indicators limit 1", "<command>:1:8: error: integer overflow in -(-9223372036854775808)"),
        ("select abs(year - year - 9223372036854775807 - 1) from indicators limit 1", "<command>:1:8: error: integer overflow in abs(-9223372036854775808)"),
        // Data reaches sum(): the years times 4e15 each fit, their sum does not.
        ("select sum(year * 4000000000000000) from indicators", "<command>:1:8: error: integer overflow in sum(): 8088000000000000000 + 8092000000000000000"),
        ("select region, sum(year * 4000000000000000) as s from indicators group by region order by s", "<command>:1:16: error: integer overflow in sum(): 8096000000000000000 + 8096000000000000000"),
        ("select count(*) from indicators where year > 9223372036854775808", "<command>:1:46: error: integer overflow in 9223372036854775808"),
        ("select count(*) from indicators where year > -9223372036854775809", "<command>:1:47: error: integer overflow in -9223372036854775809"),
    ])
    func integerOverflowIsAnError(_ q: String, _ firstLine: String) throws {
        let r = try runQyx(["-c", q])
        #expect(r.status == 1)
        #expect(r.out.isEmpty)
        #expect(r.err.split(separator: "\n").first.map(String.init) == firstLine, "\(r.err)")
    }

    @Test(arguments: [
        // The smallest integer is a literal; / always gives a double; / 0 and % 0 are null.
        ("select -9223372036854775808 as m, -9223372036854775808 / -1 as d, year / 0 as z, year % 0 as r from indicators limit 1",
         "m,d,z,r\n-9223372036854775808,9.22337203685478e+18,,\n"),
        ("select sum(year * 4000000000000000 * 1.0) > 1 as big from indicators", "big\n1\n"),
    ])
    func integerEdgesThatFit(_ q: String, _ csv: String) throws {
        let r = try runQyx(["--format", "csv", "-c", q])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == csv)
    }

    @Test(arguments: [
        ("select count(*) from tasks where text ~ \"^(\\w+\\s?)*$\"", "<command>:1:34: error: regular expression \"^(\\w+\\s?)*$\" gave up after 500000 steps"),
        ("select count(*) from domains where \"\(a40)!b\" ~ \"(a|a)*b\"", "<command>:1:36: error: regular expression \"(a|a)*b\" gave up after 500000 steps"),
        ("select count(*) from domains where \"\(a40)ba\" ~ \"(a*)*b$\"", "<command>:1:36: error: regular expression \"(a*)*b$\" gave up after 500000 steps"),
        ("select count(*) from domains where \"\(x40)xa\" ~ \"(.|.)*x$\"", "<command>:1:36: error: regular expression \"(.|.)*x$\" gave up after 500000 steps"),
        ("select count(*) from domains where \"\(x40)a\" ~ \".*.*.*.*.*.*x$\"", "<command>:1:36: error: regular expression \".*.*.*.*.*.*x$\" gave up after 500000 steps"),
        ("select count(*) from domains where \"\(a40)ba\" !~ \"(a*)*b$\"", "<command>:1:36: error: regular expression \"(a*)*b$\" gave up after 500000 steps"),
    ])
    func aCatastrophicRegexGivesUp(_ q: String, _ firstLine: String) throws {
        let started = Date()
        let r = try runQyx(["-c", q])
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(r.status == 1)
        #expect(r.out.isEmpty)
        #expect(r.err.split(separator: "\n").first.map(String.init) == firstLine, "\(r.err)")
        #expect(r.err.hasSuffix("    hint: a repeated group whose branches can match the same text backtracks without end; simplify it, or use contains\n"))
    }

    @Test(arguments: [
        // Patterns the old guard let through or refused, on the corpus's own cells: answered.
        ("select count(*) from indicators where name ~ \"(.|.)*x$\"", "count(*)\n0\n"),
        ("select count(*) from indicators where name ~ \".*.*.*.*.*.*x$\"", "count(*)\n0\n"),
        ("select count(*) from domains where \"y\(x40)\" ~ \"(x+x+)+y\"", "count(*)\n0\n"),
        ("select count(*) from indicators where name ~ \"(托位)+\"", "count(*)\n17\n"),
        ("select count(*) from indicators where name ~ \"^\\w+$\"", "count(*)\n199\n"),
    ])
    func boundedPatternsAnswer(_ q: String, _ csv: String) throws {
        let r = try runQyx(["--format", "csv", "-c", q])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == csv)
    }

    /// Each row's match takes some 2^15 steps, under the budget: only the time limit stops it.
    static let slowFilter = "\"\(String(repeating: "x", count: 14))a\" ~ \"(.|.)*x$\""

    @Test(arguments: [
        ("compare indicators by year where \(slowFilter)", 34),
        ("select name from indicators order by \(slowFilter), name", 38),
        ("select name, count(*) from indicators group by name having \(slowFilter)", 60),
    ])
    func aSlowStatementStopsAtItsTimeLimit(_ q: String, _ column: Int) throws {
        let started = Date()
        let r = try runQyx(["--timeout", "0.2", "-c", q])
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(r.status == 1)
        #expect(r.err.split(separator: "\n").first.map(String.init) == "<command>:1:\(column): error: stopped after 0.2 s, the time limit (--timeout raises it)", "\(r.err)")
    }

    @Test func aRenderStopsAtItsTimeLimit() throws {
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("qyx-slow-\(UUID().uuidString).md")
        try Data("# Slow\n\n```qyx\nselect name from indicators where \(Self.slowFilter)\n```\n".utf8).write(to: template)
        defer { try? FileManager.default.removeItem(at: template) }
        let started = Date()
        let r = try runQyx(["render", template.path, "--timeout", "0.2"])
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(r.status == 1)
        #expect(r.out.isEmpty)
        #expect(r.err.split(separator: "\n").first.map(String.init) == template.path + ":4:35: error: stopped after 0.2 s, the time limit (--timeout raises it)", "\(r.err)")
    }

    @Test func aLoadOfDocsStopsAtTheTimeLimit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qyx-long-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // 2 MB of prose with figures on one line and no punctuation: seconds of reading.
        let line = String(repeating: "推进公共服务优质共享2030年新增托位300个建成养老机构12家", count: 20_000)
        let file = folder.appendingPathComponent("long.txt")
        try Data(("2025年嵊泗县公共服务工作要点\n\n" + line + "\n").utf8).write(to: file)
        let started = Date()
        let r = try runQyx(["--no-builtin", "--docs", folder.path, "--timeout", "0.2", "-c", "select count(*) from figures"])
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(r.status == 1)
        #expect(r.out.isEmpty)
        #expect(r.err == file.path + ": error: loading stopped after 0.2 s, the time limit (--timeout raises it)\n")
    }
}
