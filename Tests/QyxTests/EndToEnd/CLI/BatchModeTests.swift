import Foundation
import Testing

/// The real binary in batch mode: -c, -f, standard input, formats, parameters, errors, exit codes.
@Suite struct BatchModeTests {
    @Test func statementsFromStandardInput() throws {
        let r = try runQyx(["--format", "csv"], input: "select count(*) from indicators;\nselect name from indicators where region = 嵊泗县 and seq = 18 order by year\n")
        #expect(r.status == 0 && r.err.isEmpty, "\(r.err)")
        #expect(r.out == "count(*)\n266\nname\n每万老年人口拥有持证养老护理员数\n每万老年人口拥有持证养老护理员数\n")
    }

    /// 属性 as the kaihua table's lines 22-37 give it (read by eye); no built-in table has the column.
    @Test func attributeComesFromTheTable() throws {
        let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus/docs/kaihua-2025-work-points.txt").path
        let r = try runQyx(["--docs", doc, "--format", "csv", "-c",
                            "select seq, attribute from indicators where doc = \"kaihua-2025-work-points\" order by seq; select count(*) from indicators where attribute is null"])
        #expect(r.status == 0 && r.err.isEmpty, "\(r.err)")
        #expect(r.out == "seq,attribute\n1,约束性\n2,预期性\n3,预期性\n4,约束性\n5,预期性\n6,预期性\n7,预期性\n8,约束性\ncount(*)\n266\n")
    }

    @Test func commandAndParameters() throws {
        let r = try runQyx(["-c", "select count(*) as n from indicators where region = $r and year = $y", "--param", "r=洞头区", "--param", "y=2027", "--format", "jsonl"])
        #expect(r.status == 0 && r.out == "{\"n\":35}\n")
    }

    @Test func errorKeepsEarlierResultsAndExitsNonZero() throws {
        let r = try runQyx(["--format", "csv"], input: "select count(*) from pairings;\nselect indicators\n  where domain = 老有康;\nselect count(*) from reforms;\n")
        #expect(r.status == 1)
        #expect(r.out == "count(*)\n16\n")
        #expect(r.err.hasPrefix("<stdin>:3:18: error: unknown domain '老有康'"))
        #expect(r.err.contains("\n      where domain = 老有康;\n                     ^~~~~~\n"))
        #expect(r.err.contains("hint: did you mean 老有康养?"))
    }

    @Test func fileErrorsNameTheFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.qyx")
        try Data("-- a comment\nselect count(*) from tasks;\nselect nme from tasks;\n".utf8).write(to: file)
        let r = try runQyx(["-f", file.path, "--format", "tsv"])
        #expect(r.status == 1 && r.out == "count(*)\n258\n")
        #expect(r.err.hasPrefix("\(file.path):3:8: error: tasks have no field 'nme'"))
    }

    @Test func jsonAndMarkdownFormats() throws {
        let json = try runQyx(["-c", "select seq, name, value from indicators where region = 嵊泗县 and year = 2025 and seq <= 2", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(rows.count == 2 && rows[1]["value"] as? Double == 0.6 && rows[0]["name"] as? String == "公共服务“七优享”工程有关民生实事")
        let md = try runQyx(["-c", "select name, value from indicators where region = 嵊泗县 and year = 2025 and seq = 2", "--format", "markdown"])
        #expect(md.out == "| name | value |\n|---|---:|\n| 公共服务“七优享”工程重大项目年度完成投资金额 | 0.6 |\n")
    }

    @Test func invalidUTF8OnStandardInput() throws {
        let process = Process()
        process.executableURL = try qyxBinary()
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data([0x73, 0x65, 0x6C, 0xFF, 0xFE, 0x0A]))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("not UTF-8"))
    }
}
