import Foundation
import Testing

/// Results taller than the 120×20 terminal, through a real pager or printed whole.
extension ShellTests {
    static let tallQuery = "select year, seq, name from indicators where region = 洞头区;"

    /// The tall result as batch mode prints it, line by line.
    func tallLines() throws -> [String] {
        let batch = try runQyx(["-c", Self.tallQuery])
        #expect(batch.status == 0)
        return batch.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func lessPagesThroughEveryRow() throws {
        let lines = try tallLines()
        #expect(lines.count == 213)
        let t = try TmuxSession(environment: environment, height: 20)
        try t.waitFor("qyx>")
        try t.submit(Self.tallQuery)
        // less shows 19 lines and its prompt, with Chinese and box lines intact.
        try t.waitFor(lines[0..<19].joined(separator: "\n") + "\n:\n")
        try t.press("Space")
        try t.waitFor(lines[19..<38].joined(separator: "\n") + "\n:\n")
        try t.press("G")
        try t.waitFor(lines[194..<213].joined(separator: "\n") + "\n(END)\n")
        try t.press("q")
        try t.waitFor("(210 rows)\nqyx>\n")
        try t.submit("select count(*) from reforms;")
        try t.waitFor("count(*)\n────────\n      22\n(1 row)\nqyx>")
    }

    @Test func moreReadsKeysFromTheTerminal() throws {
        let lines = try tallLines()
        var env = environment
        env["PAGER"] = "more"
        let t = try TmuxSession(environment: env, height: 20)
        try t.waitFor("qyx>")
        try t.submit(Self.tallQuery)
        try t.waitFor(lines[0..<19].joined(separator: "\n") + "\n--More--")
        try t.press("Space")
        try t.waitFor(lines[19..<38].joined(separator: "\n") + "\n--More--")
        try t.press("q")
        try t.waitFor(lines[37] + "\nqyx>")
        try t.submit("select count(*) from reforms;")
        try t.waitFor("count(*)\n────────\n      22\n(1 row)\nqyx>")
    }

    /// Runs the tall query with `PAGER` set as given and returns everything printed, scrollback
    /// included, after the banner.
    func printedWithPager(_ pager: String) throws -> String {
        var env = environment
        env["PAGER"] = pager
        let t = try TmuxSession(environment: env, height: 20)
        try t.waitFor("qyx>")
        try t.submit(Self.tallQuery)
        try t.waitFor("(210 rows)\nqyx>")
        return try printed(t)
    }

    @Test func catOrEmptyPagerPrintsEveryRow() throws {
        let expected = "qyx> " + Self.tallQuery + "\n" + (try tallLines()).joined(separator: "\n") + "\nqyx>"
        #expect(try printedWithPager("cat") == expected)
        #expect(try printedWithPager("") == expected)
        // A shell pipeline runs through /bin/sh, as in psql.
        #expect(try printedWithPager("cat | cat") == expected)
    }

    @Test func missingPagerIsOneWarning() throws {
        let lines = try tallLines()
        let printed = try printedWithPager("no-such-pager -R")
        #expect(printed == "qyx> " + Self.tallQuery + "\nwarning: cannot start pager 'no-such-pager -R'; printing directly\n"
            + lines.joined(separator: "\n") + "\nqyx>")
    }

    @Test func ctrlCInThePagerReturnsToThePrompt() throws {
        var env = environment
        // A pager that shows its input and then waits, as a pager waits for keys.
        env["PAGER"] = "cat; echo WAITING; sleep 100"
        let t = try TmuxSession(environment: env, height: 20)
        try t.waitFor("qyx>")
        try t.submit(Self.tallQuery)
        try t.waitFor("(210 rows)\nWAITING\n")
        try t.press("C-c")
        try t.waitFor("(210 rows)\nWAITING\n^C\nqyx>")
        try t.submit("select count(*) from reforms;")
        try t.waitFor("WAITING\n^C\nqyx> select count(*) from reforms;\ncount(*)\n────────\n      22\n(1 row)\nqyx>")
        // `.pager off` prints directly; `.pager on` pages again.
        try t.submit(".pager off")
        try t.submit(Self.tallQuery)
        try t.waitFor("(210 rows)\nqyx>")
        try t.submit(".pager on")
        try t.submit(Self.tallQuery)
        try t.waitFor("(210 rows)\nWAITING\n")
        try t.press("C-c")
        try t.submit("select count(*) from tasks;")
        try t.waitFor("     258\n(1 row)\nqyx>")
    }
}
