import QyxLanguage
import QyxModel
import Synchronization
import Testing

/// The statements of the language issue, run on the real corpus, with exact expected results.
@Suite struct QueryTests {
    @Test func elderlyCare2025() throws {
        let r = try query("select indicators where domain = 老有康养 and year = 2025")
        #expect(r.columns.map(\.name) == EntityKind.indicators.fields.map(\.name))
        #expect(column(r, "name") == [
            "每万老年人口拥有持证养老护理员数", "基本养老保险参保人数", "长期护理保险覆盖人数", "助餐村(社区)覆盖率", "老年友好镇街、村社",
            "每万老年人口拥有持证养老护理员数", "养老服务“爱心卡”服务对象数", "老年健康服务专项评估人数",
        ])
        #expect(column(r, "target") == ["34", "8.6", "全覆盖", "90", "6(20)", "25", "0.64", "0.15"])
        // The alias names the same domain.
        #expect(try query("select indicators where domain = elderly and year = 2025").rows == r.rows)
    }

    @Test func projectionOrderAndIn() throws {
        let r = try query("select name, target, unit, lead from indicators where region = 洞头区 and year in (2025, 2027) order by seq")
        #expect(r.columns.map(\.name) == ["name", "target", "unit", "lead"])
        #expect(r.rows.count == 70)
        #expect(Array(column(r, "target").prefix(6)) == ["5.5", ">5.55", "80", ">85", "95", ">95"])
        let noLead = column(r, "lead").allSatisfy { $0.isEmpty }
        #expect(noLead)
    }

    @Test func containsAndNot() throws {
        let r = try query(#"select indicators where name contains 托位 and not (op = "<")"#)
        #expect(r.rows.count == 17)
        #expect(Set(column(r, "name")) == ["每千人口拥有3岁以下婴幼儿托位数", "普惠托位占比", "每千人口拥有 3 岁以下婴幼儿托位数",
                                           "托位使用率", "每千名 3 岁以下婴幼儿拥有托位数", "托幼一体托位占比"])
    }

    @Test func groupByHavingOrder() throws {
        let r = try query("select domain, count(*) as n, avg(value) from indicators where year = 2025 group by domain having n > 3 order by n desc")
        #expect(r.columns.map(\.name) == ["domain", "n", "avg(value)"])
        #expect(column(r, "domain") == ["弱有众扶", "劳有所得", "幼有善育", "病有良医", "住有宜居", "学有优教", "老有康养"])
        #expect(column(r, "n") == ["10", "9", "9", "9", "8", "8", "8"])
        let elderly = try #require(r.rows.last?[2].number)
        #expect(abs(elderly - (34 + 8.6 + 90 + 25 + 0.64 + 0.15) / 6) < 1e-9)
    }

    @Test func projectsByInvestment() throws {
        let r = try query("select projects where investment >= 1 order by investment desc limit 5")
        #expect(column(r, "name") == ["嵊泗县人民医院迁建工程", "舟山全民健身中心嵊泗分中心(嵊泗体育馆)项目", "舟山全民健身中心嵊泗分中心（嵊泗体育馆）",
                                      "新建 2 艘客船、提升改造 8 艘客渡船", "西城区幼儿园新建工程"])
        #expect(column(r, "investment") == ["3.5", "3.11", "3.1", "1.43", "1.35"])
        // 1 亿元 is the same threshold written with its unit.
        #expect(try query("select projects where investment >= 1 亿元 order by investment desc limit 5").rows == r.rows)
        #expect(try query("select projects where investment >= 10000 万元 order by investment desc").rows == r.rows)
    }

    @Test func textSearchesAndLists() throws {
        #expect(column(try query(#"select tasks where text contains "AED""#), "path") == ["二.(四).4", "附件2.三.(五).13", "二.(四).1", "二.(四).3"])
        #expect(column(try query("select reforms where lead contains 县教育局"), "seq") == ["1", "2", "3", "4", "5"])
        let pairings = try query("select pairings where institution = 嵊泗县人民医院")
        #expect(column(pairings, "partner") == ["浙江医院", "浙江省人民医院", "浙大妇产科医院", "浙大儿童医院", "浙大口腔医院"])
    }

    @Test func documentFields() throws {
        let r = try query("select name, document.number from indicators where document.published >= 2025-01-01")
        #expect(r.columns.map(\.name) == ["name", "document.number"])
        let unnumbered = column(r, "document.number").allSatisfy { $0.isEmpty }
        #expect(r.rows.count == 28 && unnumbered)
        let numbered = try query("select distinct document.number from projects order by 1")
        #expect(column(numbered, "document.number") == ["", "嵊七优享办〔2024〕1号", "嵊政办发〔2024〕10号"])
        #expect(try query("select count(*) from pairings where document.written = 2024-07-10").rows == [[.int(16)]])
    }

    @Test func compareByYear() throws {
        let r = try query("compare indicators by year where region = 洞头区 and name contains 托位")
        #expect(r.columns.map(\.name) == ["region", "name", "unit", "2022", "2023", "2024", "2025", "2026", "2027"])
        #expect(r.rows.map { $0.map(\.displayText) } == [
            ["洞头区", "每千人口拥有3岁以下婴幼儿托位数", "个", "4.57", "4.6", "4.8", "5.5", "5.55", ">5.55"],
            ["洞头区", "普惠托位占比", "%", "75", "80", "80", "80", "85", ">85"],
        ])
        // 2024 and 2025 工作要点 line up by indicator identity, whatever the spacing.
        let shengsi = try query("compare indicators by year where region = 嵊泗县")
        #expect(shengsi.rows.count == 38)
        let nursing = try #require(shengsi.rows.first { $0[1].displayText == "每万老年人口拥有持证养老护理员数" })
        #expect(nursing.map(\.displayText).suffix(2) == ["24.6", "25"])
    }

    @Test func compareByRegion() throws {
        let r = try query("compare indicators by region where year = 2025")
        #expect(r.columns.map(\.name) == ["year", "name", "unit", "嵊泗县", "洞头区"])
        #expect(r.rows.map { $0.map(\.displayText) } == [
            ["2025", "0—3岁儿童发育监测筛查率", "%", "≥93", "95"],
            ["2025", "城镇调查失业率", "%", "< 5", "<5"],
            ["2025", "每万老年人口拥有持证养老护理员数", "人", "25", "34"],
            ["2025", "住宅小区专业物业服务覆盖率", "%", "95", "90"],
            ["2025", "困难群众医疗费用综合保障率", "%", "88", "85"],
        ])
    }

    @Test func unitLiteralsNormalizeLikeTheData() throws {
        let people = try query("select region, year, name, base_value from indicators where base_value >= 1500 人")
        #expect(people.rows.count == 15)
        #expect(try query("select indicators where base_value >= 0.15 万人").rows.count == 15)
        #expect(try query("select indicators where value >= 0.15 万人").rows.count == 15)
        // 13650 元 is not in 人: other base units never match.
        #expect(!column(people, "name").contains("最低生活保障年人均标准"))
        #expect(try query("select indicators where value = 0.15 万人").rows.count == 2)
        #expect(try query("select indicators where value >= 90 % and year = 2025 and region = 嵊泗县").rows.count == 3)
    }

    @Test func catalogStatements() throws {
        let d = try query("describe indicators")
        #expect(column(d, "field") == EntityKind.indicators.fields.map(\.name))
        let e = try query("show entities")
        #expect(column(e, "entity") == ["documents", "indicators", "tasks", "projects", "reforms", "pairings", "figures", "conflicts", "domains"])
        #expect(column(e, "rows") == ["5", "266", "258", "27", "22", "16", "413", "3", "10"])
        let domains = try query("show domains")
        #expect(column(domains, "alias").prefix(7) == ["childcare", "education", "employment", "health", "elderly", "housing", "assistance"])
        let leads = try query("show values of lead")
        #expect(leads.rows.first?.map(\.displayText) == ["县卫健局", "14"])
        #expect(leads.rows.count == 12)
    }

    @Test func operatorsAndClauses() throws {
        #expect(try query("select count(*) from indicators where year between 2024 and 2025").rows == [[.int(126)]])
        #expect(column(try query("select name from indicators where name like '每%数' and year = 2024 order by name"), "name").count == 6)
        #expect(column(try query(#"select distinct name from indicators where name ~ "^城镇" order by name"#), "name") ==
                ["城镇住房保障受益覆盖率", "城镇新增就业人数", "城镇调查失业率"])
        #expect(try query("select count(*) from indicators where lead is null").rows == [[.int(210)]])
        #expect(try query("select count(*) from indicators where parts is not null").rows == [[.int(8)]])
        let page = try query("select seq from indicators where region = 嵊泗县 and year = 2025 order by seq limit 3 offset 2")
        #expect(column(page, "seq") == ["3", "4", "5"])
        let distinct = try query("select distinct region, year from indicators order by region, year")
        #expect(distinct.rows.count == 8)
        let agg = try query("select count(distinct lead) as leads, min(value), max(value) from indicators where year = 2025")
        #expect(agg.rows.first?.map(\.displayText) == ["10", "0.15", "14100"])
        let params = try query("select count(*) from indicators where year = $y and region = $r",
                               parameters: ["y": .int(2025), "r": .text("洞头区")])
        #expect(params.rows == [[.int(35)]])
        let keywords = try query("SELECT Name FROM Indicators WHERE Year = 2025 ORDER BY 1 DESC LIMIT 1")
        #expect(keywords.rows.count == 1)
        #expect(try query("select count(*) from indicators where name contains 「托位」").rows == [[.int(17)]])
        #expect(try query("select count(*) from indicators where kind = baseline").rows == [[.int(35)]])
    }

    /// Expected values as sqlite3 3.40 gives them for the same text (`substr(name, -2)` is 位数).
    @Test func textFunctions() throws {
        let r = try query("""
            select substr(name, 2, 3), substr(name, -2), substr(name, 0, 2), substr(name, 3, -2), substr(name, 1, 1e300),
                   replace(name, 托位, 床位), nullif(seq, 1), nullif(seq, 2), substr(unit, 1)
            from indicators where doc = "dongtou-2023-2027-plan" and seq = 1 and year = 2025
            """)
        #expect(r.rows == [[.text("千人口"), .text("位数"), .text("每"), .text("每千"), .text("每千人口拥有3岁以下婴幼儿托位数"),
                            .text("每千人口拥有3岁以下婴幼儿床位数"), .null, .int(1), .text("个")]])
    }

    @Test func identityIgnoresSpacingAndWidth() {
        #expect(Identity.key("每千名 3 岁以下") == Identity.key("每千名3岁以下"))
        #expect(Identity.key("0-3岁儿童发育监测筛查率") == Identity.key("0—3岁儿童发育监测筛查率"))
        #expect(Identity.key("助餐村（社区）覆盖率") == Identity.key("助餐村(社区)覆盖率"))
        #expect(Identity.key("每千人口") != Identity.key("每千名"))
    }

    @Test func everyGrammarExampleParsesAndRuns() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("grammar/examples.qyx")
        let text = try String(contentsOf: url, encoding: .utf8)
        let statements = try Parser.parseScript(text)
        #expect(statements.count == text.split(separator: "\n").filter { !$0.hasPrefix("--") }.count)
        for s in statements { _ = try builtinEngine.execute(s) }
    }

    /// One engine answers callers with different parameters and provenance at the same time:
    /// nothing about a call is kept on the engine.
    @Test func oneEngineAnswersConcurrentCallsEachWithItsOwnContext() throws {
        let statement = try Parser.parseScript("select count(*) from indicators where year = $y")[0]
        let years = Array(2020...2030)
        let expected = try years.map { y in try builtinEngine.execute(statement, in: ExecutionContext(parameters: ["y": .int(y)])).rows }
        let answers = Mutex([Int: ResultSet]())
        DispatchQueue.concurrentPerform(iterations: years.count * 4) { i in
            let y = years[i % years.count]
            let context = ExecutionContext(parameters: ["y": .int(y)], tracksProvenance: i % 2 == 0)
            guard let result = try? builtinEngine.execute(statement, in: context) else { return }
            answers.withLock { $0[i] = result }
        }
        let all = answers.withLock { $0 }
        #expect(all.count == years.count * 4)
        for (i, result) in all {
            #expect(result.rows == expected[i % years.count])
            #expect((result.sources != nil) == (i % 2 == 0))
        }
    }
}

import Foundation
