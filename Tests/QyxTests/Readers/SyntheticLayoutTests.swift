import Foundation
import QyxModel
import QyxReaders
import Testing

/// Documents of the same family written for these tests (other counties, other years,
/// full-width punctuation) load with no code change.
@Suite struct SyntheticLayoutTests {
    static let cellPerLine = """
    发布时间:2026-03-02 09:30

    访问次数:

    2026年青田县公共服务“七优享”工程工作要点

    一、主要目标

    表　2026年青田县公共服务“七优享”工程重点指标

    领域

    序号

    指标

    完成值

    牵头单位

    幼有善育

    1

    每千人口拥有3岁以下婴幼儿托位数(个)

    ≥4.5

    县卫健局

    2

    普惠托位覆盖乡镇

    县卫健局

    病有良医

    3

    住院报销比例(%)

    职工88、

    城乡居民72

    县医保局

    老有康养

    4

    养老服务对象数(万人)

    0.2

    县民政局

    二、重点任务

    （一）着力深化“幼有善育”。推进托育。（牵头单位：县卫健局）

    1．优化托育服务。新增托位100个。

    2．提升托育质量。加强培训，

    提升服务水平。（责任单位：县卫健局、县教育局）

    三、保障措施

    （一）强化组织领导。建立专班。
    """

    @Test func cellPerLineWorkPointsOfAnotherCounty() throws {
        let c = try readDocument(Self.cellPerLine, name: "qingtian-2026.txt")
        #expect(c.diagnostics.isEmpty, "\(c.diagnostics)")
        let d = try #require(c.documents.first)
        #expect(d.region == "青田县" && d.kind == "工作要点" && d.periodStart == 2026 && d.published == "2026-03-02 09:30")
        #expect(c.indicators.map(\.seq) == [1, 2, 3, 4])
        #expect(c.indicators.allSatisfy { $0.year == 2026 && $0.region == "青田县" && $0.kind == "target" })
        #expect(c.indicators.map(\.domain) == ["幼有善育", "幼有善育", "病有良医", "老有康养"])
        #expect(c.indicators[0].op == .ge && c.indicators[0].value == 4.5 && c.indicators[0].unit == "个")
        #expect(c.indicators[1].target == "" && c.indicators[1].reading.isQualitative && c.indicators[1].lead == "县卫健局")
        #expect(c.indicators[2].target == "职工88、城乡居民72" && c.indicators[2].reading.parts.count == 2)
        #expect(c.indicators[3].base.value == 2000 && c.indicators[3].base.unit == "人")
        #expect(c.tasks.map(\.path) == ["二.(一)", "二.(一).1", "二.(一).2", "三.(一)"])
        #expect(c.tasks[1].lead == ["县卫健局"] && c.tasks[1].domain == "幼有善育")
        #expect(c.tasks[2].text == "提升托育质量。加强培训，提升服务水平。（责任单位：县卫健局、县教育局）")
        #expect(c.tasks[2].lead == ["县卫健局", "县教育局"])
        #expect(c.tasks[3].lead.isEmpty && c.tasks[3].domain == nil)
    }

    static let pipe = """
    为推进公共服务优质共享，根据《平阳县国民经济和社会发展规划(2026—2030年)》，特制定本实施方案。
    一、主要目标
    表 平阳县公共服务“七优享”五年目标
    领域 | 序号 | 指 标 | 2025年 | 2026年 | 2027年 | 2028年 | 2029年 | 2030年 |
    老有康养 | 1 | 每万老年人口拥有持证养老护理员数(人) | 30 | 31 | 32 | 33 | 34 | ≥35 |
    2 | 养老机构床位数(张) | 900 | 950 | 1000 | 1050 | 1100 | 1150 | |
    住有宜居 | 3 | 城镇住房保障受益覆盖率(%) | 9 | 10 | 10.5 | 11 | 11.5 | 12 |
    二、重点任务
    (一)加快实现“老有康养”。完善养老服务体系。(牵头单位:县民政局)
    1.推进机构建设。到2030年床位达到1150张。
    """

    @Test func pipeTableWithOtherYears() throws {
        let c = try readDocument(Self.pipe, name: "pingyang-plan.txt")
        #expect(c.diagnostics.isEmpty, "\(c.diagnostics)")
        let d = try #require(c.documents.first)
        #expect(d.region == "平阳县" && d.kind == "实施方案" && d.periodStart == 2026 && d.periodEnd == 2030)
        #expect(c.indicators.count == 18)
        #expect(c.indicators.filter { $0.kind == "baseline" }.map(\.year) == [2025, 2025, 2025])
        let beds = c.indicators.filter { $0.seq == 2 }
        #expect(beds.map(\.target) == ["900", "950", "1000", "1050", "1100", "1150"])
        #expect(beds.allSatisfy { $0.domain == "老有康养" && $0.unit == "张" && $0.provenance.line == 6 })
        #expect(c.indicators.first { $0.seq == 1 && $0.year == 2030 }?.op == .ge)
        #expect(c.tasks.map(\.path) == ["二.(一)", "二.(一).1"] && c.tasks[1].lead == ["县民政局"])
    }

    static let tab = """
    2025年文成县公共服务一体化改革行动方案

    附件 1

    2025 年文成县公共服务一体化改革清单

    序号\t改革名称\t改革目标\t改革任务\t牵头单位\t责任人\t参与单位
    一、养老\t\t\t\t\t\t
    1\t助餐服务改革\t实现助餐全覆盖。\t<ol style="list-style-type: none"> 1.建设老年食堂10个。 2.推进配送餐服务。</ol>\t县民政局\t张 三\t<p>县财政局</p> <p>各乡镇</p>
    \t\t\t3.培训护理员100名。\t县人力社保局\t李四\t

    序号\t改革名称\t改革目标\t改革任务\t牵头单位\t责任人\t参与单位
    二、医疗\t\t\t\t\t\t
    2\t医共体改革\t县域就诊率90%。\t深化医共体建设&amp;改革。\t县卫健局\t王五\t

    附件 2

    2025 年文成县公共服务一体化项目清单

    序号\t项目名称\t建设内容和规模\t建设地点\t总投资(万元)\t建设起止年限\t责任单位\t责任人\t备注
    一、医疗\t\t\t\t\t\t\t\t
    1\t县人民医院扩建工程\t新增床位200张。\t大峃镇\t5000\t2025-2026\t县卫健局\t王五\t新建
    2\t乡镇卫生院改造\t改造3家卫生院。\t各乡镇\t/\t2025\t县卫健局\t王五\t改建
    """

    @Test func tabTablesWithHTMLCells() throws {
        let c = try readDocument(Self.tab, name: "wencheng-2025.txt")
        #expect(c.diagnostics.isEmpty, "\(c.diagnostics)")
        #expect(c.documents.first?.region == "文成县")
        #expect(c.reforms.map(\.seq) == [1, 2])
        let r1 = c.reforms[0]
        #expect(r1.category == "养老" && r1.name == "助餐服务改革")
        #expect(r1.tasks == ["1.建设老年食堂10个。", "2.推进配送餐服务。", "3.培训护理员100名。"])
        #expect(r1.taskLines.count == 2 && r1.lead == ["县民政局", "县人力社保局"])
        #expect(r1.person == ["张三", "李四"] && r1.partners == ["县财政局", "各乡镇"])
        #expect(c.reforms[1].category == "医疗" && c.reforms[1].tasks == ["深化医共体建设&改革。"])
        #expect(c.projects.map(\.name) == ["县人民医院扩建工程", "乡镇卫生院改造"])
        // 万元 in the header converts to the model's 亿元.
        #expect(c.projects[0].investment == 0.5 && c.projects[0].domain == "病有良医")
        #expect(c.projects[0].startYear == 2025 && c.projects[0].endYear == 2026)
        #expect(c.projects[1].investment == nil && c.projects[1].startYear == 2025 && c.projects[1].endYear == 2025)
    }

    static let pairing = """
    2025年泰顺县卫生健康领域公共服务一体化工作方案

    三、工作举措

    （一）深化帮扶。

    1.优化“组团式”帮扶机制。深入实施组团式帮扶。

    结对帮扶关系及能力提升要求

    序号

    泰顺县

    省级医院

    结对帮扶

    关系

    能力提升要求

    1

    泰顺县

    人民医院

    浙江省人民医院浙大儿童医院

    “组团式”

    帮扶

    提升急诊能力。

    温州医科大学附属第一医院

    “山海”

    提升

    加强重症医学科建设。

    2

    罗阳镇

    卫生院

    温州市中医院

    中医“百科”帮扶

    开展中医适宜技术。

    （二）强化人才。
    """

    @Test func pairingTableWithWrappedNames() throws {
        let c = try readDocument(Self.pairing, name: "taishun-2025.txt")
        #expect(c.diagnostics.isEmpty, "\(c.diagnostics)")
        #expect(c.pairings.map(\.institution) == ["泰顺县人民医院", "泰顺县人民医院", "泰顺县人民医院", "罗阳镇卫生院"])
        #expect(c.pairings.map(\.partner) == ["浙江省人民医院", "浙大儿童医院", "温州医科大学附属第一医院", "温州市中医院"])
        #expect(c.pairings.map(\.relation) == ["组团式帮扶", "组团式帮扶", "“山海”提升", "中医“百科”帮扶"])
        #expect(c.pairings.map(\.seq) == [1, 1, 1, 2])
        #expect(c.tasks.map(\.path) == ["三.(一)", "三.(一).1", "三.(二)"])
    }

    @Test func unplaceableCellsAreWarningsWithFileAndLine() throws {
        let text = Self.cellPerLine.replacingOccurrences(of: "病有良医\n\n3\n", with: "病有良医\n\n？？\n\n3\n")
        let c = try readDocument(text, name: "broken.txt")
        #expect(c.indicators.count == 4)
        let warning = try #require(c.diagnostics.first)
        #expect(warning.severity == .warning && warning.file == "broken.txt")
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "？？" }.map { $0 + 1 }
        #expect(warning.line == line && warning.description.hasPrefix("broken.txt:\(line!): warning:"))
    }

    @Test func pipeRowWithTooManyCellsIsReported() throws {
        let text = Self.pipe.replacingOccurrences(of: "| 1150 | |", with: "| 1150 | 9 | 9 |")
        let c = try readDocument(text, name: "bad-pipe.txt")
        #expect(c.indicators.count == 12)
        #expect(c.diagnostics.map(\.line) == [6])
        #expect(c.diagnostics.first?.message.contains("cells") == true)
    }

    @Test func gbkFileIsConvertedWithANote() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.pipe.utf8).write(to: folder.appendingPathComponent("a-good.txt"))
        // 2026青田县 in GBK.
        try Data([0x32, 0x30, 0x32, 0x36, 0xC7, 0xE0, 0xCC, 0xEF, 0xCF, 0xD8, 0x0A]).write(to: folder.appendingPathComponent("b-gbk.txt"))
        let c = CorpusLoader.load(builtin: false, paths: [folder.path])
        #expect(c.documents.map(\.id) == ["a-good", "b-gbk"])
        #expect(c.indicators.count == 18)
        let path = folder.appendingPathComponent("b-gbk.txt").path
        #expect(c.diagnostics.filter { $0.file == path }.map(\.description) == [
            "\(path): note: read as GB18030 (converted with iconv)",
            "\(path):1: warning: no table or numbered work item qyx knows was found; nothing but the document itself is loaded",
        ])
    }

    /// A plain-text document of the development corpus in GB18030 loads to the same rows as in
    /// UTF-8, with a note saying it was converted.
    @Test func gb18030DocumentLoadsLikeItsUTF8() throws {
        let url = DevelopmentCorpusTests.corpus.appendingPathComponent("docs/xiangshan-2024-work-points.txt")
        let utf8 = try Data(contentsOf: url)
        let iconv = Process()
        iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        iconv.arguments = ["-f", "UTF-8", "-t", "GB18030", url.path]
        let pipe = Pipe()
        iconv.standardOutput = pipe
        try iconv.run()
        let gb = pipe.fileHandleForReading.readDataToEndOfFile()
        iconv.waitUntilExit()
        #expect(gb != utf8)
        let a = DocumentReader.read(try SourceFile.decode(utf8, path: "x.txt", id: "x"))
        let b = DocumentReader.read(try SourceFile.decode(gb, path: "x.txt", id: "x"))
        for entity in EntityKind.allCases { #expect(entity.rows(in: b) == entity.rows(in: a), "\(entity.rawValue)") }
        #expect(b.diagnostics.map(\.description) == ["x.txt: note: read as GB18030 (converted with iconv)"] + a.diagnostics.map(\.description))
    }

    @Test func builtinAndAddedDocumentsTogether() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.cellPerLine.utf8).write(to: folder.appendingPathComponent("qingtian-2026.txt"))
        let c = CorpusLoader.load(builtin: true, paths: [folder.path])
        #expect(c.documents.count == 6 && c.indicators.count == 270)
    }
}
