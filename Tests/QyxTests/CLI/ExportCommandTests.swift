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
        #expect(r.err.contains("binary.txt:1: error: not UTF-8"))
    }
}
