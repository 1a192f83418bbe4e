import Foundation
import Testing

/// Tab offers a column's values after every comparison, quoted when they need it.
extension ShellTests {
    @Test func tabCompletesValuesAfterEveryComparison() throws {
        let stem = "select count(*) from indicators where "
        let cases = [
            ("name contains 普惠托", "name contains 普惠托位占比"),
            // A value with punctuation is completed quoted, from a bare or a quoted start.
            ("name like 每千名儿", "name like \"每千名儿童儿科执业(助理)医生数\""),
            ("name = \"每千名儿童", "name = \"每千名儿童儿科执业(助理)医生数\""),
            ("region in (洞头区, 嵊", "region in (洞头区, 嵊泗县"),
            ("lead ~ 县总", "lead ~ 县总工会"),
            // A document id would read as an expression: it is quoted too.
            ("doc = shengsi-2024-w", "doc = \"shengsi-2024-work-points\""),
        ]
        let t = try TmuxSession(environment: environment)
        try t.waitFor("qyx>")
        for (typed, completed) in cases {
            // The completion ends with a space; `in (…` still needs its `)`.
            let statement = stem + completed + (completed.hasPrefix("region in") ? " )" : " ")
            let answer = try runQyx(["-c", statement])
            #expect(answer.status == 0, "\(answer.err)")
            try t.type(stem + typed)
            try t.press("Tab")
            try t.waitFor("qyx> " + stem + completed + "\n")
            try t.submit(String(statement.dropFirst(stem.count + completed.count + 1)) + ";")
            try t.waitFor("qyx> \(statement);\n" + answer.out + "qyx>")
            try t.press("C-l")
        }
    }
}
