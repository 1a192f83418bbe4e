import Foundation
import Testing

/// Statements end with `;`: over several lines, several on a line, pasted from a file.
extension ShellTests {
    @Test func aThreeLineStatementRunsWhole() throws {
        let t = try TmuxSession(environment: environment)
        try t.waitFor("qyx>")
        try t.submit("select name, target")
        try t.waitFor("...>")
        try t.submit("from indicators where year = 2025")
        try t.press("Enter")
        try t.submit("and seq = 1 and region = 洞头区;")
        let screen = try t.waitFor("(1 row)")
        #expect(screen.contains("""
            qyx> select name, target
            ...> from indicators where year = 2025
            ...>
            ...> and seq = 1 and region = 洞头区;
            name                             target
            ───────────────────────────────  ──────
            每千人口拥有3岁以下婴幼儿托位数  5.5
            (1 row)
            qyx>
            """), "\(screen)")
        // Several statements on one line run in order; a `;` in a string or comment ends none.
        try t.submit("select count(*) as a from reforms; select count(*) as b from tasks where title != \"x;y\"; -- c;")
        try t.waitFor("""
             a
            ──
            22
            (1 row)
              b
            ───
            258
            (1 row)
            qyx>
            """)
    }

    @Test func anErrorPointsIntoItsOwnStatement() throws {
        let t = try TmuxSession(environment: environment)
        try t.waitFor("qyx>")
        try t.submitAndWait("select count(*) as n from reforms; select titel", "from tasks;")
        try t.waitFor("""
            qyx> select count(*) as n from reforms; select titel
             n
            ──
            22
            (1 row)
            ...> from tasks;
            qyx:1:8: error: tasks have no field 'titel'; fields are doc, line, region, domain, path, title, text, lead
                select titel
                       ^~~~~
                hint: did you mean title?
            qyx>
            """)
    }

    @Test func ctrlCOnAContinuationLineAbandonsTheStatement() throws {
        let t = try TmuxSession(environment: environment)
        try t.waitFor("qyx>")
        try t.submit("select count(*)")
        try t.submit("from tasks")
        try t.waitFor("...> from tasks\n...>")
        try t.press("C-c")
        try t.waitFor("...> ^C\nqyx>")
        try t.submit("select count(*) as n from reforms;")
        try t.waitFor(" n\n──\n22\n(1 row)\nqyx>")
    }

    @Test func aPastedFileOfFortyStatementsRunsWhole() throws {
        // 40 statements over 120 lines, with a blank line and a comment inside some.
        var script = ""
        for i in 1...40 {
            script += "select count(*) as n\(i)\nfrom indicators -- seq \(i);\nwhere seq = \(i);\n"
        }
        let file = state.appendingPathComponent("forty.qyx")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let expected = try runQyx(["-f", file.path, "--format", "csv"])
        #expect(expected.status == 0 && expected.out.split(separator: "\n").count == 80)
        let out = state.appendingPathComponent("forty.csv")
        let t = try TmuxSession(environment: environment)
        try t.waitFor("qyx>")
        try t.submit(".format csv", ".output \(out.path)")
        try t.paste(script)
        try t.submit(".output stdout")
        try t.submit("select count(*) as done from reforms;")
        try t.waitFor("done\n22\nqyx>", seconds: 60)
        #expect(try String(contentsOf: out, encoding: .utf8) == expected.out)
    }
}
