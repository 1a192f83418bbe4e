import Foundation
import Testing

/// Display modes and timing in the shell.
extension ShellTests {
    /// Everything printed after the banner, scrollback included.
    func printed(_ t: TmuxSession) throws -> String {
        let all = try t.screen(history: true)
        return String(all[all.range(of: "qyx> ")!.lowerBound...]).trimmingCharacters(in: .newlines)
    }

    @Test func lineModeAndExpandedAutoShowWideRowsWhole() throws {
        let whole = try runQyx(["-c", "select conflicts", "--format", "line"])
        #expect(whole.status == 0)
        #expect(whole.out.hasPrefix("    doc = shengsi-2024-integration-reform\n   line = 77\n region = 嵊泗县\n"))
        #expect(whole.out.contains("\ncited_a = 嵊政办发〔2024〕10号 line 77; 嵊政办发〔2024〕10号 line 183\n"))
        var env = environment
        env["PAGER"] = "cat"
        let t = try TmuxSession(environment: env, height: 20)
        try t.waitFor("qyx>")
        try t.submitAndWait(".mode line", "select conflicts;", ".mode table", ".expanded auto", "select conflicts;",
                            "select seq, name from reforms where seq <= 2;")
        try t.waitFor("(2 rows)\nqyx>")
        let shown = try printed(t)
        #expect(shown == """
            qyx> .mode line
            qyx> select conflicts;
            \(whole.out)qyx> .mode table
            qyx> .expanded auto
            qyx> select conflicts;
            \(whole.out)qyx> select seq, name from reforms where seq <= 2;
            seq  name
            ───  ──────────────────────────────
              1  教育基础设施提升改革
              2  教师队伍一体化管理培育机制改革
            (2 rows)
            qyx>
            """, "\(shown)")
    }

    @Test func boxModeAndExpandedOn() throws {
        let t = try TmuxSession(environment: environment)
        try t.waitFor("qyx>")
        // A habitual `;` after a meta command is dropped.
        try t.submitAndWait(".mode box", "select seq, name from reforms where seq <= 2;", ".expanded on;",
                        "select seq, name from reforms where seq <= 2;")
        try t.waitFor("""
            qyx> select seq, name from reforms where seq <= 2;
            ┌─────┬────────────────────────────────┐
            │ seq │ name                           │
            ├─────┼────────────────────────────────┤
            │   1 │ 教育基础设施提升改革           │
            │   2 │ 教师队伍一体化管理培育机制改革 │
            └─────┴────────────────────────────────┘
            (2 rows)
            qyx> .expanded on;
            qyx> select seq, name from reforms where seq <= 2;
             seq = 1
            name = 教育基础设施提升改革

             seq = 2
            name = 教师队伍一体化管理培育机制改革
            qyx>
            """)
    }

    @Test func timerPrintsMilliseconds() throws {
        let t = try TmuxSession(environment: environment)
        try t.waitFor("qyx>")
        try t.submit(".timer on")
        try t.submit("select count(*) from indicators where name contains 托位;")
        let screen = try t.waitFor("Run Time:")
        let line = screen.split(separator: "\n").first { $0.hasPrefix("Run Time:") }.map(String.init) ?? ""
        // Three significant digits: 2.41 ms, 24.1 ms, 241 ms, 0.412 ms.
        #expect(line.wholeMatch(of: /Run Time: ([1-9]\.\d\d|[1-9]\d\.\d|[1-9]\d\d|0\.[1-9]\d\d|0\.0[1-9]\d) ms/) != nil, "\(line)")
    }
}
