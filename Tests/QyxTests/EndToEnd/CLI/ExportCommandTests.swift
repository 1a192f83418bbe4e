import Foundation
import Testing

/// The real `qyx` binary: `qyx export ENTITY --format csv|jsonl`.
@Suite struct ExportCommandTests {
    @Test func jsonlExportOfAllIndicators() throws {
        let r = try runQyx(["export", "indicators", "--format", "jsonl"])
        #expect(r.status == 0 && r.err.isEmpty, "\(r.err)")
        let lines = r.out.split(separator: "\n")
        #expect(lines.count == 266)
        let keys = ["doc", "line", "region", "year", "domain", "seq", "name", "unit", "target", "op", "value",
                    "base_value", "base_unit", "lead", "kind", "parts"]
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == Set(keys))
        }
        // Field order is the schema's, so diffs of exports stay readable.
        #expect(lines[0].hasPrefix("{\"doc\":\"dongtou-2023-2027-plan\",\"line\":7,\"region\":\"洞头区\",\"year\":2022,"))
    }

    @Test func csvExportQuotesAndHeader() throws {
        let r = try runQyx(["export", "reforms", "--format", "csv"])
        #expect(r.status == 0)
        let header = r.out.split(separator: "\n").first
        #expect(header == "doc,line,region,seq,category,name,goal,tasks,lead,person,partners,task_lines")
        // Reform 22's goal holds a full-width comma only; reform 20's task list holds "; " joins.
        #expect(r.out.contains("\"1.围绕"))
    }

    @Test func docsAndNoBuiltin() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(SyntheticLayoutTests.pipe.utf8).write(to: folder.appendingPathComponent("pingyang.txt"))
        let only = try runQyx(["export", "indicators", "--no-builtin", "--docs", folder.path])
        #expect(only.out.split(separator: "\n").count == 18)
        let both = try runQyx(["export", "documents", "--format", "csv", "--docs", folder.appendingPathComponent("pingyang.txt").path])
        #expect(both.out.split(separator: "\n").count == 7)
    }

    @Test func unreadableDocumentIsReportedAndOthersAnswer() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: folder.appendingPathComponent("binary.txt"))
        let r = try runQyx(["export", "documents", "--docs", folder.path])
        #expect(r.status == 0)
        #expect(r.out.split(separator: "\n").count == 5)
        #expect(r.err.contains("binary.txt:1: error: binary file (control byte 0x00 at byte 2), not a text document"))
    }
}

/// `qyx export --format sqlite FILE`: the same rows, opened by the real sqlite3 program.
@Suite struct SQLiteExportTests {
    @Test func everyEntityLandsInSQLite() throws {
        let db = try temporaryFolder().appendingPathComponent("qyx.db")
        let r = try runQyx(["export", "--format", "sqlite", db.path])
        #expect(r.status == 0 && r.err.isEmpty, "\(r.err)")
        for entity in ["documents", "indicators", "tasks", "projects", "reforms", "pairings", "domains"] {
            let expected = try query("select count(*) from \(entity)").rows[0][0].displayText
            #expect(try sqlite3(db, "select count(*) from \(entity)") == expected + "\n", "\(entity)")
        }
        // Typed columns: numbers compare as numbers, and the same filter gives the same rows.
        let names = try query("select name from indicators where base_value >= 1500 and year = 2025 order by name").rows.map { $0[0].displayText }
        #expect(try sqlite3(db, "select name from indicators where base_value >= 1500 and year = 2025 order by name") == names.map { $0 + "\n" }.joined())
        #expect(try sqlite3(db, "select distinct typeof(value) from indicators where value is not null") == "real\n")
        #expect(try sqlite3(db, "select distinct typeof(year) from indicators") == "integer\n")
    }

    func sqlite3(_ db: URL, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [db.path, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
