import QyxModel
import Testing

/// Projects, reforms, pairings and tasks of the built-in corpus, checked against the source text.
@Suite struct EntityTests {
    @Test func projectListAnnex() throws {
        let list = builtin.projects.filter { $0.provenance.doc == "shengsi-2024-integration-reform" }
        #expect(list.map(\.seq) == (1...21).map { Optional($0) })
        let hospital = try #require(list.first { $0.seq == 3 })
        #expect(hospital.name == "嵊泗县人民医院迁建工程")
        #expect(hospital.category == "医疗" && hospital.domain == "病有良医")
        #expect(hospital.investment == 3.5 && hospital.startYear == 2024 && hospital.endYear == 2027)
        #expect(hospital.lead == ["县卫健局"] && hospital.person == ["刘白羽"])
        #expect(hospital.status == "新（改扩）建/谋划类")
        #expect(hospital.provenance.line == 233)
        let housing = try #require(list.first { $0.seq == 11 })
        #expect(housing.investment == nil)
        #expect(housing.lead == ["县资源规划局", "县住建局", "县农业农村局"])
        #expect(housing.person == ["付华军", "周铁军", "王国平"])
        // A two-character name spaced out in the source is one person.
        #expect(list.first { $0.seq == 13 }?.person == ["郭华"])
        #expect(list.first { $0.seq == 21 }?.investment == 0.5394)
        #expect(list.filter { $0.investment != nil }.count == 13)
    }

    @Test func projectBoxes() throws {
        let p2025 = builtin.projects.filter { $0.provenance.doc == "shengsi-2025-work-points" }
        #expect(p2025.count == 1)
        let gym = try #require(p2025.first)
        #expect(gym.name == "舟山全民健身中心嵊泗分中心(嵊泗体育馆)项目")
        #expect(gym.domain == "病有良医" && gym.status == "续建")
        #expect(gym.investment == 3.11 && gym.annualInvestment == 0.6)

        let p2024 = builtin.projects.filter { $0.provenance.doc == "shengsi-2024-work-points" }
        #expect(p2024.map(\.name) == ["西城区幼儿园新建工程", "舟山全民健身中心嵊泗分中心〈嵊泗体育馆〉项目",
                                      "“15分钟公共服务圈”打包项目", "嵊泗中学学生公寓改造工程", "嵊泗县医康养联合体"])
        #expect(p2024.map(\.annualInvestment) == [0.33, 0.48, 0.057, 0.017, 0.04])
        #expect(p2024.map(\.parent) == [nil, nil, nil, "“15分钟公共服务圈”打包项目", "“15分钟公共服务圈”打包项目"])
        #expect(p2024.map(\.domain) == ["学有优教", "病有良医", nil, nil, nil])
    }

    @Test func reforms() throws {
        #expect(builtin.reforms.map(\.seq) == Array(1...22))
        #expect(Dictionary(grouping: builtin.reforms, by: { $0.category ?? "" }).mapValues(\.count) ==
                ["教育": 5, "医疗": 2, "养老": 3, "住房": 1, "社保": 1, "文体": 1, "便民": 6, "综合": 3])
        let r20 = try #require(builtin.reforms.first { $0.seq == 20 })
        #expect(r20.name == "建立县域特色公共服务规划体系")
        #expect(r20.taskLines.count == 4 && r20.tasks.count == 4)
        #expect(r20.taskLines.map(\.lead) == [["县发改局", "县农业农村局"], ["县农业农村局", "菜园镇"], ["县府办"], ["县发改局", "县财政局"]])
        #expect(r20.taskLines.map(\.person) == [["翁宇", "王国平"], ["王国平", "周明明"], ["韩娜"], ["翁宇", "罗奇辉"]])
        #expect(r20.taskLines.map(\.line) == [215, 216, 217, 218])
        #expect(r20.lead == ["县发改局", "县农业农村局", "菜园镇", "县府办", "县财政局"])
        let r5 = try #require(builtin.reforms.first { $0.seq == 5 })
        #expect(r5.tasks.count == 2 && r5.tasks[1].hasPrefix("2.整合全学段学生资助项目"))
        // HTML in cells is markup, not text.
        let r7 = try #require(builtin.reforms.first { $0.seq == 7 })
        #expect(!r7.tasks.joined().contains("<p>") && r7.tasks.count == 5)
        #expect(r7.partners.first == "县公安局" && !r7.partners.contains { $0.contains("<") })
        #expect(builtin.reforms.first { $0.seq == 22 }?.person == ["郑玥"])
    }

    @Test func pairings() throws {
        let rows = builtin.pairings
        #expect(rows.count == 16)
        #expect(Set(rows.map(\.relation)) == ["“山海”提升", "组团式帮扶", "乡镇卫生院精准帮扶", "中医“百科”帮扶"])
        #expect(rows.filter { $0.institution == "嵊泗县人民医院" }.map(\.partner) ==
                ["浙江医院", "浙江省人民医院", "浙大妇产科医院", "浙大儿童医院", "浙大口腔医院"])
        #expect(rows.filter { $0.institution == "嵊泗县妇计中心" }.map(\.partner) == ["浙大妇产科医院", "浙大儿童医院"])
        #expect(rows.first { $0.institution == "黄龙乡卫生院" }?.partner == "鄞州区姜山镇茅山卫生院")
        #expect(rows.first { $0.institution == "五龙乡卫生院" }?.partner == "鄞州区中河街道社区卫生服务中心")
        #expect(Set(rows.map(\.institution)).count == 10)
        #expect(rows.allSatisfy { $0.requirement.hasSuffix("。") })
    }

    @Test func tasks() throws {
        let t = try #require(builtin.tasks.first { $0.provenance.doc == "shengsi-2025-work-points" && $0.path == "二.(四).3" })
        #expect(t.title == "优化医疗健康服务")
        #expect(t.domain == "病有良医")
        #expect(t.lead == ["县卫健局"])
        #expect(t.text.contains("AED"))
        // An item wrapped over two lines is one task with the text of both.
        let wrapped = try #require(builtin.tasks.first { $0.provenance.doc == "shengsi-2024-integration-reform" && $0.path == "二.(三).11" })
        #expect(wrapped.text.contains("岛医疗卫生服务全覆盖"))
        #expect(wrapped.lead == ["县卫健局", "各乡镇"])
        // Items of an annex plan carry the annex in their path.
        #expect(builtin.tasks.contains { $0.path == "附件2.三.(一).4" && $0.title == "优化“组团式”帮扶机制" })
        // 保障措施 items name their own 责任单位.
        let safeguard = try #require(builtin.tasks.first { $0.provenance.doc == "shengsi-2025-work-points" && $0.path == "三.(八)" })
        #expect(safeguard.lead == ["县民社局"])
        // Full-width outlines: (一) and （一） both read.
        #expect(builtin.tasks.contains { $0.provenance.doc == "shengsi-2024-integration-reform" && $0.path == "二.(二).7" })
        // Goals and principles are not work items.
        #expect(!builtin.tasks.contains { $0.title.hasPrefix("人口向着大岛聚") })
    }
}
