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

    /// Runs the tall query under `pager` (the default when nil) and checks that its first page,
    /// then (after Space) its second, show 19 lines above the pager's `prompt`.
    func firstTwoPages(pager: String?, prompt: String) throws -> (TmuxSession, [String]) {
        let lines = try tallLines()
        #expect(lines.count == 213)
        var env = environment
        env["PAGER"] = pager
        let t = try TmuxSession(environment: env, height: 20)
        try t.waitFor("qyx>")
        try t.submit(Self.tallQuery)
        // Chinese and box lines intact, though the environment sets no locale.
        try t.waitFor(lines[0..<19].joined(separator: "\n") + "\n" + prompt)
        try t.press("Space")
        try t.waitFor(lines[19..<38].joined(separator: "\n") + "\n" + prompt)
        return (t, lines)
    }

    @Test func lessPagesThroughEveryRow() throws {
        let (t, lines) = try firstTwoPages(pager: nil, prompt: ":\n")
        try t.press("G")
        try t.waitFor(lines[194..<213].joined(separator: "\n") + "\n(END)\n")
        try t.press("q")
        try t.waitFor("(210 rows)\nqyx>\n")
        try t.submit("select count(*) from reforms;")
        try t.waitFor("count(*)\n────────\n      22\n(1 row)\nqyx>")
    }

    @Test func ctrlCLeavesTheDefaultPagerAtOnce() throws {
        let (t, _) = try firstTwoPages(pager: nil, prompt: ":\n")
        try t.press("C-c")
        try t.submit("select count(*) from reforms;")
        try t.waitFor("qyx> select count(*) from reforms;\ncount(*)\n────────\n      22\n(1 row)\nqyx>")
    }

    @Test func moreReadsKeysFromTheTerminal() throws {
        let (t, lines) = try firstTwoPages(pager: "more", prompt: "--More--")
        try t.press("q")
        try t.waitFor(lines[37] + "\nqyx>")
        try t.submit("select count(*) from reforms;")
        try t.waitFor("count(*)\n────────\n      22\n(1 row)\nqyx>")
    }

    @Test func aPagerThatQuitsEarlyEndsTheResultQuietly() throws {
        // 167 KB of line mode, more than a pipe holds: the write meets the closed pipe (EPIPE).
        let whole = try runQyx(["-c", "select tasks", "--format", "line"])
        #expect(whole.out.utf8.count > 100_000)
        var env = environment
        env["PAGER"] = "head -n 3"
        let t = try TmuxSession(environment: env, height: 20)
        try t.waitFor("qyx>")
        try t.submitAndWait(".mode line", "select tasks;", "select count(*) as n from reforms;")
        let firstThree = whole.out.split(separator: "\n").prefix(3).joined(separator: "\n")
        try t.waitFor("qyx> select tasks;\n\(firstThree)\nqyx> select count(*) as n from reforms;\nn = 22\nqyx>")
    }

    @Test func noPagerWhenStandardOutputIsNotATerminal() throws {
        let file = state.appendingPathComponent("out.txt")
        let t = try TmuxSession(environment: environment, height: 20, output: file)
        try t.submit(Self.tallQuery)
        try t.press("C-d")
        try t.waitFor("[exit status 0]")
        let banner = "qyx — 5 documents, 266 indicators. Type help or .help; Ctrl-D leaves.\n"
        #expect(try String(contentsOf: file, encoding: .utf8) == banner + (try tallLines()).joined(separator: "\n") + "\n\n")
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
