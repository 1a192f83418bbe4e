import Foundation
import Testing

/// The interactive shell through a pseudo-terminal, with no locale in the environment.
@Suite(.serialized) struct ShellTests {
    let state: URL
    let environment: [String: String]

    init() throws {
        state = try temporaryFolder()
        environment = ["HOME": state.path, "XDG_STATE_HOME": state.appendingPathComponent("state").path,
                       "TERM": "xterm", "PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
    }

    @Test func chineseQueryWithoutLocale() throws {
        let t = try TmuxSession(environment: environment)
        try t.waitFor("qyx>")
        try t.submit("select name, target from indicators where region = 嵊泗县 and domain = 老有康养 and year = 2025;")
        let screen = try t.waitFor("(3 rows)")
        // The three rows of shengsi-2025-work-points lines 199-217 (25, 0.64, 0.15), the names
        // padded to the longest (32 columns wide), each line whole.
        #expect(Self.block(screen, from: "name                              target", count: 6) == [
            "name                              target", String(repeating: "─", count: 32) + "  " + String(repeating: "─", count: 6),
            "每万老年人口拥有持证养老护理员数  25", "养老服务“爱心卡”服务对象数        0.64", "老年健康服务专项评估人数          0.15",
            "(3 rows)"], "\(screen)")
    }

    /// `count` whole lines of a screen from the first line that is exactly `first`, trailing
    /// blanks dropped (tmux pads lines to the pane's width).
    static func block(_ screen: String, from first: String, count: Int) -> [String] {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop(while: { $0 == " " }).reversed())
        }
        guard let start = lines.firstIndex(of: first) else { return [] }
        return Array(lines[start..<min(start + count, lines.count)])
    }

    @Test func tabCompletesAChineseValue() throws {
        let t = try TmuxSession(environment: environment)
        try t.waitFor("qyx>")
        try t.type("select count(*) from indicators where domain = 老有康")
        try t.press("Tab")
        try t.waitFor("domain = 老有康养")
        try t.submit(";")
        try t.waitFor("(1 row)")
        #expect(Self.block(try t.screen(), from: "count(*)", count: 4) == ["count(*)", "────────", "      37", "(1 row)"])
        // After `from ` the entities; after `lead = 县` the departments.
        try t.type("select tasks from pai")
        try t.press("Tab")
        try t.waitFor("from pairings")
        try t.press("C-c")
        try t.type("select count(*) from indicators where lead = 县总")
        try t.press("Tab")
        try t.waitFor("lead = 县总工会")
    }

    @Test func historyFromAPreviousRun() throws {
        do {
            let first = try TmuxSession(environment: environment)
            try first.waitFor("qyx>")
            try first.submit("select count(*) as pairs from pairings;")
            try first.waitFor("(1 row)")
            try first.press("C-d")
            try first.waitFor("[exit status 0]")
        }
        let history = state.appendingPathComponent("state/qyx/history")
        let attributes = try FileManager.default.attributesOfItem(atPath: history.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let second = try TmuxSession(environment: environment)
        try second.waitFor("qyx>")
        try second.press("Up")
        try second.waitFor("qyx> select count(*) as pairs from pairings;")
        try second.press("Enter")
        try second.waitFor("   16")
        // Ctrl-R searches the history.
        try second.press("C-r")
        try second.type("pairs")
        try second.waitFor("select count(*) as pairs from pairings;")
    }

    @Test func ctrlCAbandonsTheLineAndCtrlDExits() throws {
        let t = try TmuxSession(environment: environment)
        try t.waitFor("qyx>")
        try t.type("select indicators where half typed")
        try t.press("C-c")
        try t.waitFor("^C")
        try t.submit("select count(*) from reforms;")
        try t.waitFor("      22")
        // A statement may span lines, with a continuation prompt, until its `;`.
        try t.submit("select count(*)")
        try t.waitFor("...>")
        try t.submit("from projects;")
        try t.waitFor("      27")
        try t.press("C-d")
        try t.waitFor("[exit status 0]")
    }

    @Test func errorsShowACaretUnderTheLine() throws {
        let t = try TmuxSession(environment: environment)
        try t.waitFor("qyx>")
        try t.submit("select indicators where domain = 老有康;")
        let screen = try t.waitFor("hint: did you mean 老有康养?")
        #expect(screen.contains("    select indicators where domain = 老有康;\n                                     ^~~~~~\n"))
        try t.submit("select count(*) from tasks;")
        try t.waitFor("     258")
    }

    @Test func metaCommands() throws {
        let out = state.appendingPathComponent("out.csv")
        let t = try TmuxSession(environment: environment)
        try t.waitFor("qyx>")
        try t.submit(".format csv", ".timer on", "select count(*) from documents;")
        try t.waitFor("Run Time:")
        #expect(try t.screen().contains("count(*)\n5\n"))
        try t.submit(".output \(out.path)")
        try t.submit("select seq, name from reforms where seq <= 2;")
        try t.submit(".output stdout")
        try t.submit(".schema pairings")
        try t.waitFor("requirement")
        try t.submit(".help units")
        try t.waitFor("select indicators where base_value >= 1500 人;")
        try t.submit(".bogus")
        try t.waitFor("unknown command .bogus")
        #expect(try String(contentsOf: out, encoding: .utf8) == "seq,name\n1,教育基础设施提升改革\n2,教师队伍一体化管理培育机制改革\n")
    }

    @Test func tallResultsGoThroughThePager() throws {
        var env = environment
        env["PAGER"] = "sed s/^/PAGED:/"
        let t = try TmuxSession(environment: env, height: 20)
        try t.waitFor("qyx>")
        try t.submit("select seq, name from reforms;")
        try t.waitFor("PAGED:(22 rows)")
        // A short result is printed directly.
        try t.submit("select count(*) from reforms;")
        try t.waitFor("\n      22\n")
    }

    @Test func colourOnlyWithoutNoColor() throws {
        var env = environment
        env["NO_COLOR"] = nil
        let coloured = try TmuxSession(environment: env)
        try coloured.waitFor("qyx>")
        try coloured.submit("select titel from tasks;")
        try coloured.waitFor("did you mean title?")
        #expect(try coloured.screen(escapes: true).contains("\u{1B}[31m"))
        let plain = try TmuxSession(environment: environment)
        try plain.waitFor("qyx>")
        try plain.submit("select titel from tasks;")
        try plain.waitFor("did you mean title?")
        #expect(!(try plain.screen(escapes: true).contains("\u{1B}[31m")))
    }

    @Test func longLoadsShowProgressOnATerminalOnly() throws {
        let folder = state.appendingPathComponent("many")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let seed = try Data(contentsOf: ExampleTests.root.appendingPathComponent("Sources/QyxReaders/Resources/corpus/dongtou-2023-2027-plan.txt"))
        // Each copy differs by a last line, or it would load once as a duplicate of the first.
        for i in 1...150 { try (seed + Data("\n副本 \(i)\n".utf8)).write(to: folder.appendingPathComponent("dongtou-copy-\(i).txt")) }
        let arguments = ["--no-builtin", "--docs", folder.path, "-c", "select count(*) from indicators"]
        let t = try TmuxSession(arguments: arguments, environment: environment)
        let screen = try t.waitFor("[exit status 0]", seconds: 120)
        #expect(screen.contains("loading 150/150 documents"), "\(screen)")
        // 150 copies of dongtou's 210 indicator rows.
        #expect(Self.block(screen, from: "count(*)", count: 3) == ["count(*)", "────────", "   31500"])
        // Piped, the same load prints no progress.
        let piped = try runQyx(arguments)
        #expect(piped.status == 0 && piped.err.isEmpty, "\(piped.err)")
    }

    @Test func unwritableHistoryIsAWarning() throws {
        var env = environment
        // A file where the state folder should be: history cannot be written.
        let blocker = state.appendingPathComponent("blocked")
        try Data().write(to: blocker)
        env["XDG_STATE_HOME"] = blocker.path
        let t = try TmuxSession(environment: env)
        try t.waitFor("qyx>")
        try t.submit("select count(*) from domains;")
        try t.waitFor("warning: cannot write history")
        try t.waitFor("      10")
    }
}
