import Foundation
import Testing

/// Bad queries through the real binary in batch mode: each gets a located error and exit
/// status 1 — never a crash, a hang or a silent empty result.
@Suite struct BadQueryTests {
    static let deepParens = "select count(*) from indicators where " + String(repeating: "(", count: 10_000) + "year = 2025" + String(repeating: ")", count: 10_000)
    static let longLine = "select count(*) from indicators where name = \"" + String(repeating: "托", count: 100_000) + "\" and nosuch = 1"

    @Test(arguments: [
        ("select count(*) from indicators where (year = 2025", "<stdin>:2:1: error: expected ')' to close '(' at 1:39, found end of input"),
        ("select count(*) from indicators where year = 2025)", "<stdin>:1:50: error: expected ';' or the end of the statement, found ')'"),
        ("select nosuch from indicators", "<stdin>:1:8: error: indicators have no field 'nosuch'; fields are doc, line, region, year, domain, seq, name, unit, target, op, value, base_value, base_unit, lead, kind, parts, attribute"),
        ("select indicators where year contains 5", "<stdin>:1:25: error: 'contains' works on text, but year is a number"),
        ("select indicators where name > 3 %", "<stdin>:1:32: error: 3 % is an amount with a unit; compare it with a field that has units (value, base_value, investment)"),
        ("select name from indicators where name = 'abc", "<stdin>:1:42: error: unterminated string: no closing '"),
        ("select name from indicators where name = \u{0} x", "<stdin>:1:42: error: NUL byte in the query"),
        (deepParens, "<stdin>:1:295: error: expression nested more than 256 levels deep"),
        ("select count(*) from indicators where value > " + Array(repeating: "1", count: 400).joined(separator: " + "), "<stdin>:1:1069: error: expression nested more than 256 levels deep"),
        ("selec name from indicators", "<stdin>:1:1: error: unknown statement 'selec'; expected select, compare, describe or show"),
        ("select name from indicators where name ~ \"" + String(repeating: "a", count: 1_001) + "\"", "<stdin>:1:42: error: regular expression of 1001 characters; the limit is 1000"),
        ("select name from indicators limit -1", "<stdin>:1:35: error: limit needs a whole number of rows"),
    ])
    func badQueryIsALocatedErrorAndExitOne(_ text: String, _ message: String) throws {
        let r = try runQyx([], input: text + "\n")
        #expect(r.status == 1)
        #expect(r.out.isEmpty, "\(r.out.prefix(200))")
        let lines = r.err.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first.map(String.init) == message, "\(r.err.prefix(400))")
        // Every error shows its line, then a caret under the spot.
        #expect(lines.count >= 3 && lines[2].trimmingCharacters(in: .whitespaces).hasPrefix("^"), "\(r.err.prefix(400))")
    }

    @Test func aHundredKilobyteLine() throws {
        let r = try runQyx([], input: Self.longLine)
        #expect(r.status == 1)
        #expect(r.err.hasPrefix("<stdin>:1:100053: error: indicators have no field 'nosuch'"))
        // The excerpt is cut around the spot rather than printing 100 KB.
        #expect(r.err.count < 2_000)
    }

    @Test func aLongFilterOfAlternativesStillRuns() throws {
        // 5,000 alternatives build a balanced tree, not a chain 5,000 levels deep.
        let text = "select count(*) from indicators where " + Array(repeating: "year = 2025", count: 5_000).joined(separator: " or ")
        let r = try runQyx(["--format", "csv"], input: text)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "count(*)\n63\n")
    }

    @Test func invalidUTF8OnStandardInput() throws {
        let process = Process()
        process.executableURL = try qyxBinary()
        let input = Pipe(), output = Pipe(), error = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (input, output, error)
        try process.run()
        input.fileHandleForWriting.write(Data([0x73, 0x65, 0x6C, 0xFF, 0xFE, 0x0A]))
        try input.fileHandleForWriting.close()
        let err = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(err == "<stdin>: error: standard input is not UTF-8 text (invalid byte 0xFF at line 1, byte 3)\n")
    }

    @Test func aStatementPastItsTimeLimitStops() throws {
        let r = try runQyx(["--timeout", "0.000000001", "-c", "select count(*) from indicators where name contains 托位"])
        #expect(r.status == 1)
        #expect(r.err.contains("error: stopped after 1e-09 s, the time limit (--timeout raises it)"), "\(r.err)")
    }

    @Test func resultsBeforeAnErrorAreKeptAndTheRestIsNotRun() throws {
        let r = try runQyx(["--format", "csv"], input: "select count(*) from pairings;\nselect nosuch from pairings;\nselect count(*) from reforms;\n")
        #expect(r.status == 1)
        #expect(r.out == "count(*)\n16\n")
        #expect(r.err.hasPrefix("<stdin>:2:8: error: pairings have no field 'nosuch'"))
    }
}
