import Foundation
import Testing

/// Every query file in examples/ runs with the real binary and prints exactly its expected output.
/// The expected outputs are regression snapshots (qyx wrote them; they were read through by
/// hand then); `handWorkedRows` checks one row of each against the source documents.
@Suite struct ExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var examples: [String] {
        let folder = root.appendingPathComponent("examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".qyx") }.sorted()
    }

    @Test func thereAreExamples() { #expect(Self.examples.count >= 5) }

    @Test(arguments: examples)
    func exampleOutput(_ name: String) throws {
        let file = Self.root.appendingPathComponent("examples/\(name)")
        let expected = try String(contentsOf: Self.root.appendingPathComponent("examples/expected/\(name.dropLast(4)).txt"), encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = nil
        let r = try runQyx(["-f", file.path], environment: environment)
        #expect(r.status == 0 && r.err.isEmpty, "\(r.err)")
        #expect(r.out == expected)
    }

    /// One row of each example, worked out from the source documents' lines (cited), as the
    /// output's cells (a table row split on runs of two or more spaces).
    static let handWorked: [(example: String, row: [String])] = [
        // dongtou-2023-2027-plan.txt line 7: | 1 | 每千人口拥有3岁以下婴幼儿托位数(个) | 4.57 | 4.6 | 4.8 | 5.5 | 5.55 | >5.55 |
        ("dongtou-trends", ["洞头区", "每千人口拥有3岁以下婴幼儿托位数", "个", "4.57", "4.6", "4.8", "5.5", "5.55", ">5.55"]),
        // shengsi-2025-work-points.txt lines 205-211: 19 / …服务对象数(万人) / 0.64 / 县民社局; 0.64万人 = 6400 人.
        ("elderly-2025", ["嵊泗县", "19", "养老服务“爱心卡”服务对象数", "0.64", "万人", "6400", "人", "县民社局"]),
        // shengsi-2024-integration-reform.txt line 233, under 二、医疗 (line 231): 3.5 (亿元), 2024-2027, 县卫健局.
        ("projects-by-investment", ["嵊泗县人民医院迁建工程", "医疗", "3.5", "2024", "2027", "县卫健局", "新（改扩）建/谋划类"]),
        // shengsi-2024-work-points.txt line 115: >63; shengsi-2025-work-points.txt line 99: ≥63.
        ("shengsi-2024-vs-2025", ["嵊泗县", "托位使用率", "%", ">63", "≥63"]),
        // shengsi-2024-integration-reform.txt line 185: reform 6, lead 县卫健局, partners in its fifth cell.
        ("who-leads-what", ["6", "构建完善“1+2+N”卫生健康服务体系", "县发改局; 县资源规划局; 县委组织部; 各乡镇"]),
    ]

    @Test func handWorkedRows() throws {
        #expect(Set(Self.handWorked.map(\.example)) == Set(Self.examples.map { String($0.dropLast(4)) }))
        for (example, row) in Self.handWorked {
            let output = try String(contentsOf: Self.root.appendingPathComponent("examples/expected/\(example).txt"), encoding: .utf8)
            let rows = output.split(separator: "\n").map { line in
                line.split(separator: "  ", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            #expect(rows.filter { $0 == row }.count == 1, "\(example): \(row)")
        }
    }
}
