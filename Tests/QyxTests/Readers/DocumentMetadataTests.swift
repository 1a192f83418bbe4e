import QyxModel
import Testing

/// Every field of every built-in document, as read from its chrome, notice and title.
@Suite struct DocumentMetadataTests {
    func doc(_ id: String) throws -> PlanDocument { try #require(builtin.document(id)) }

    @Test func workPoints2025() throws {
        let d = try doc("shengsi-2025-work-points")
        #expect(d.title == "2025年嵊泗县公共服务“七优享”工程工作要点")
        #expect(d.line == 24)
        #expect(d.region == "嵊泗县")
        #expect(d.issuer == "嵊泗县公共服务七优享工程专班办公室")
        #expect(d.number == nil)
        #expect(d.written == "2025-03-21")
        #expect(d.published == "2025-04-17 10:48")
        #expect(d.kind == "工作要点")
        #expect(d.periodStart == 2025 && d.periodEnd == 2025)
    }

    @Test func workPoints2024() throws {
        let d = try doc("shengsi-2024-work-points")
        #expect(d.title == "2024年嵊泗县公共服务“七优享”工程工作要点")
        #expect(d.issuer == "嵊泗县公共服务七优享工程专班办公室")
        #expect(d.number == "嵊七优享办〔2024〕1号")
        #expect(d.written == "2024-03-28")
        #expect(d.published == "2024-04-02 20:40")
        #expect(d.kind == "工作要点")
        #expect(d.periodStart == 2024 && d.periodEnd == 2024)
    }

    @Test func dongtouPlan() throws {
        let d = try doc("dongtou-2023-2027-plan")
        // The page carries no title line; the table caption names the plan.
        #expect(d.title == "洞头区公共服务“七优享”五年目标")
        #expect(d.region == "洞头区")
        #expect(d.kind == "实施方案")
        #expect(d.periodStart == 2023 && d.periodEnd == 2027)
        #expect(d.number == nil && d.issuer == nil && d.written == nil && d.published == nil)
    }

    @Test func integrationReform() throws {
        let d = try doc("shengsi-2024-integration-reform")
        #expect(d.title == "2024年嵊泗县公共服务一体化改革行动方案")
        #expect(d.number == "嵊政办发〔2024〕10号")
        #expect(d.issuer == "嵊泗县人民政府办公室")
        #expect(d.written == "2024-03-26")
        #expect(d.published == nil)
        #expect(d.kind == "行动方案")
    }

    @Test func sectorReforms() throws {
        let d = try doc("shengsi-2024-sector-reforms")
        #expect(d.title == "2024年嵊泗县基本公共服务一体化各领域改革行动方案")
        #expect(d.number == "嵊政办发〔2024〕20号")
        #expect(d.issuer == "县政府办公室")
        #expect(d.written == "2024-07-10")
        #expect(d.published == "2024-07-25 10:12")
        #expect(d.region == "嵊泗县")
    }

    @Test func chromeIsNeverContent() {
        let texts = builtin.tasks.map(\.text)
        for noise in ["访问次数", "字体大小", "索引号", ".pdf", "专题网站"] {
            #expect(!texts.contains { $0.contains(noise) }, "\(noise) leaked into tasks")
        }
    }

    /// An untitled plan's region is the one its text names most often; on a tie, the first named,
    /// whatever the order in which a dictionary would list them.
    @Test func regionTieGoesToTheFirstNamed() throws {
        for (first, second) in [("岱山县", "嵊泗县"), ("嵊泗县", "岱山县")] {
            let text = """
            一、总体要求
            （一）在\(first)公共服务提质扩面中走在前列。
            （二）对\(second)公共服务均衡发展作出部署。
            """
            let region = try readDocument(text).documents.first?.region
            #expect(region == first, "\(region ?? "nil")")
        }
    }
}
