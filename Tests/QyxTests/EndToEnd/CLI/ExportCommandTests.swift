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
                    "base_value", "base_unit", "lead", "kind", "parts", "attribute"]
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
        // Reform 22, the last row: full-width commas need no quotes; its task_lines JSON holds `"`,
        // so that field is quoted and its quotes doubled (RFC 4180), checked by hand.
        let last = r.out.split(separator: "\n").last.map(String.init)
        #expect(last == #"shengsi-2024-integration-reform,222,嵊泗县,22,综合,基本必需品价格一致,实现县域内菜篮子主要农副产品、水、电、气、快递等基本生活必需品价格统一。,1.全面梳理基本必需品的种类，涉及水电气药品公交快递、蔬菜肉蛋奶等群众衣食住行、生老病死各个方面。; 2.全面监测基本必需品价格差异和质量情况。; 3.通过机制联动抓好价格监管，一旦发现价格偏离，由国有企业或政府购买服务对基本必需品价格进行平抑并严格监管质量，确保同质同价。通过委托经营、控制猪肉批发价、发布零售指导价等举措，实施县域内菜篮子蔬菜、猪肉等主要农副产品价格统一工作。,县菜篮子综合服务中心,郑玥,县府办; 县财政局; 县农业农村局; 县交通运输局; 县综合行政执法局; 县海投公司; 各乡镇,"{""line"":222,""text"":""1.全面梳理基本必需品的种类，涉及水电气药品公交快递、蔬菜肉蛋奶等群众衣食住行、生老病死各个方面。 2.全面监测基本必需品价格差异和质量情况。 3.通过机制联动抓好价格监管，一旦发现价格偏离，由国有企业或政府购买服务对基本必需品价格进行平抑并严格监管质量，确保同质同价。通过委托经营、控制猪肉批发价、发布零售指导价等举措，实施县域内菜篮子蔬菜、猪肉等主要农副产品价格统一工作。"",""lead"":[""县菜篮子综合服务中心""],""person"":[""郑玥""],""partners"":[""县府办"",""县财政局"",""县农业农村局"",""县交通运输局"",""县综合行政执法局"",""县海投公司"",""各乡镇""]}""#)
    }

    @Test func docsAndNoBuiltin() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(SyntheticLayoutTests.pipe.utf8).write(to: folder.appendingPathComponent("pingyang.txt"))
        let only = try runQyx(["export", "indicators", "--no-builtin", "--docs", folder.path])
        // Three indicators (lines 5–7) × six years (2025–2030), and nothing of the built-in corpus.
        let cells = only.out.split(separator: "\n").map { line -> String in
            let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            return "\(object?["doc"] ?? "?"):\(object?["line"] ?? "?"):\(object?["year"] ?? "?")"
        }
        #expect(cells == (5...7).flatMap { line in (2025...2030).map { "pingyang:\(line):\($0)" } })
        let both = try runQyx(["export", "documents", "--format", "csv", "--docs", folder.appendingPathComponent("pingyang.txt").path])
        #expect(both.out.split(separator: "\n").map { $0.split(separator: ",")[0] } == [
            "doc", "dongtou-2023-2027-plan", "shengsi-2024-integration-reform", "shengsi-2024-sector-reforms",
            "shengsi-2024-work-points", "shengsi-2025-work-points", "pingyang",
        ])
    }

    @Test func unreadableDocumentIsReportedAndOthersAnswer() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A NUL among ASCII, not in the places UTF-16 or UTF-32 would put it (see HostileInputTests).
        try Data([0x41, 0x42, 0x00, 0x41]).write(to: folder.appendingPathComponent("binary.txt"))
        let r = try runQyx(["export", "documents", "--docs", folder.path])
        #expect(r.status == 0)
        #expect(r.out.split(separator: "\n").count == 5)
        #expect(r.err == folder.appendingPathComponent("binary.txt").path
            + ":1: error: binary file (control byte 0x00 at byte 2), not a text document\n")
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
