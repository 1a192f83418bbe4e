import Foundation
import QyxLanguage
import QyxModel
import Testing
@testable import QyxReaders

/// Figures read from the prose, measured against hand-labelled samples of the corpus, and the
/// conflicts found between documents.
@Suite struct FigureTests {
    struct Label: Hashable {
        var doc: String
        var line: Int
        var value: Double
        var unit: String
    }

    /// A labelled sample: its lines and every figure on them (op, year and subject kept aside).
    static func sample(_ labels: String, _ lines: String) throws -> (lines: Set<String>, figures: [(Label, op: String, year: String)]) {
        let fixtures = ExampleTests.root.appendingPathComponent("Tests/QyxTests/Fixtures")
        func rows(_ name: String) throws -> [[String]] {
            try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n").dropFirst().map { $0.components(separatedBy: "\t") }
        }
        let sampled = Set(try rows(lines).map { "\($0[0]):\($0[1])" })
        let figures = try rows(labels).map { r in
            (Label(doc: r[0], line: Int(r[1])!, value: Double(r[2])!, unit: r[3]), op: r[4], year: r[5])
        }
        return (sampled, figures)
    }

    struct Score {
        var labelled = 0, extracted = 0, matched = 0, opAgrees = 0, yearAgrees = 0
        var precision: Double { Double(matched) / Double(extracted) }
        var recall: Double { Double(matched) / Double(labelled) }
    }

    /// Matches extracted figures to labels by document, line, value and unit.
    static func score(_ labels: String, _ lines: String) throws -> Score {
        let (sampled, figures) = try sample(labels, lines)
        var pool: [Label: [Figure]] = [:]
        var score = Score(labelled: figures.count)
        for f in builtin.figures where sampled.contains("\(f.provenance.doc):\(f.provenance.line)") {
            pool[Label(doc: f.provenance.doc, line: f.provenance.line, value: f.value, unit: f.unit ?? ""), default: []].append(f)
            score.extracted += 1
        }
        for (label, op, year) in figures {
            guard let f = pool[label]?.popLast() else { continue }
            score.matched += 1
            if f.op.rawValue == op { score.opAgrees += 1 }
            if f.year.map(String.init) == year { score.yearAgrees += 1 }
        }
        print("figures \(labels): labelled \(score.labelled), extracted \(score.extracted), matched \(score.matched), precision \(String(format: "%.3f", score.precision)), recall \(String(format: "%.3f", score.recall)), op \(score.opAgrees)/\(score.matched), year \(score.yearAgrees)/\(score.matched)")
        return score
    }

    @Test func precisionAndRecallOnTheLabelledSample() throws {
        let s = try Self.score("figures-labelled.tsv", "figures-sample-lines.tsv")
        // The measured values (see README): precision 334/334 = 1.000, recall 334/336 = 0.994.
        // Exact counts, so any change to the extractor shows here and the README is updated with it.
        #expect(s.labelled == 336)
        #expect(s.extracted == 334)
        #expect(s.matched == 334)
        #expect(s.opAgrees == 317)
        #expect(s.yearAgrees == 331)
    }

    @Test func precisionAndRecallOnTheHeldOutSample() throws {
        let s = try Self.score("figures-heldout-labelled.tsv", "figures-heldout-lines.tsv")
        // Measured once, untuned (see README): precision 71/72 = 0.986, recall 71/94 = 0.755.
        #expect(s.labelled == 94)
        #expect(s.extracted == 72)
        #expect(s.matched == 71)
        #expect(s.opAgrees == 70)
        #expect(s.yearAgrees == 71)
    }

    @Test func everyDocumentContributesToTheSample() throws {
        let (_, figures) = try Self.sample("figures-labelled.tsv", "figures-sample-lines.tsv")
        #expect(Set(figures.map(\.0.doc)) == Set(builtin.documents.map(\.id)))
    }

    @Test func figuresOfTheIssue() throws {
        let r = try query("select doc, line, year, subject, op, value, unit, base_value, base_unit from figures where subject contains 护理员 and region = 嵊泗县 and year = 2024 order by doc, line")
        #expect(r.rows.map { $0.map(\.displayText).joined(separator: "|") } == [
            "shengsi-2024-integration-reform|105|2024|养老护理员赴养老区域协作单位跟岗|=|2|期|2|期",
            "shengsi-2024-integration-reform|105|2024|每万老年人口拥有持证养老护理员|>=|24.5|人|24.5|人",
            "shengsi-2024-sector-reforms|464|2024|每万老年人口拥有持证养老护理员|>=|24.5|人|24.5|人",
        ])
        let fees = try query("select subject, value, unit, text from figures where subject contains 生均公用经费 and doc = 'shengsi-2024-sector-reforms'")
        #expect(fees.rows.map { $0.map(\.displayText).joined(separator: "|") } == [
            "小学生均公用经费|1500|元|2024年全面落实小学1500元/生·年、初中1700元/生·年的生均公用经费标准",
            "初中生均公用经费|1700|元|2024年全面落实小学1500元/生·年、初中1700元/生·年的生均公用经费标准",
        ])
        // 万 and 亿 fold into the base value.
        let money = try query("select value, unit, base_value, base_unit from figures where unit = 亿元 order by value desc limit 1")
        #expect(abs(money.rows[0][2].number! - money.rows[0][0].number! * 1e8) < 1e-3 && money.rows[0][3] == .text("元"))
    }

    @Test func compareFiguresByYear() throws {
        let r = try query("compare figures by year where subject contains 助餐")
        #expect(r.columns.map(\.name) == ["region", "subject", "unit", "2024", "2025"])
        #expect(r.rows.map { $0.map(\.displayText).joined(separator: "|") }.contains("嵊泗县|助餐配送餐服务村社区覆盖率|%|>=90%|>=90%"))
    }

    @Test func conflictsAreAShortAuditList() throws {
        let r = try query("select year, subject, value_a, cited_a, value_b, cited_b, kind from conflicts order by subject")
        #expect(r.rows.map { $0.map(\.displayText).joined(separator: "|") } == [
            "2024|乡镇老年学校覆盖率|>=95%|嵊政办发〔2024〕20号 line 458|>=100%|嵊七优享办〔2024〕1号 line 391|text vs text",
            "2024|初中生均公用经费|1900元|嵊政办发〔2024〕10号 line 77; 嵊政办发〔2024〕10号 line 183|1700元|嵊政办发〔2024〕20号 line 134|text vs text",
            "2024|每万老年人口拥有持证养老护理员|>=24.5人|嵊政办发〔2024〕10号 line 105; 嵊政办发〔2024〕20号 line 464|24.6人|嵊七优享办〔2024〕1号 line 233|table vs text",
        ])
    }

    @Test(arguments: [
        ("到2025年，普惠托位占比达到90%以上。", "普惠托位占比|>=|90|%|2025"),
        ("每万人配置5台AED。", "每万人配置|=|5|台|2024"),
        ("新增普通高中学位100个", "普通高中学位|=|100|个|2024"),
        ("总投资2.5亿元，2023—2027年实施", "总投资|=|2.5|亿元|2027"),
        ("全县3岁以下婴幼儿", "婴幼儿|<=|3|岁|2024"),
        ("覆盖率保持在80%—90%", "覆盖率保持在|>=|80|%|2024"),
        ("依据嵊政办发〔2024〕10号文件，打造“1+4+N”体系和5G网络，拨打120急救", ""),
        ("1.建设15分钟公共服务圈，6月底前完成", ""),
    ])
    func extractsOneLine(_ text: String, _ first: String) {
        let found = FigureExtractor(documentYear: 2024).extract(text).first.map { f in
            "\(f.subject)|\(f.op.rawValue)|\(Value.format(f.value))|\(f.unit ?? "")|\(f.year.map(String.init) ?? "")"
        }
        #expect((found ?? "") == first)
    }

    /// A line of prose with no clause or sentence mark: each figure reads `reach` characters
    /// either side of its number, not the whole line (which made loading cubic in its length).
    /// A plain line and one with a combining mark read alike.
    @Test(arguments: ["", "e\u{301}"])
    func aClauseReachesAFixedDistance(_ prefix: String) {
        let filler = String(repeating: "推进公共服务优质共享", count: 100)
        let line = prefix + filler + "2030年新增托位300个" + filler + "建成养老机构12家" + filler
        let found = FigureExtractor(documentYear: 2024).extract(line)
        #expect(found.map { "\($0.subject)|\(Value.format($0.value))|\($0.year.map(String.init) ?? "")|\($0.clause.count)" }
                == ["共享推进公共服务优质共享新增托位|300|2030|1027", "推进公共服务优质共享建成养老机构|12|2024|1026"])
        // 512 characters before the number (503 of filler, then 2030年新增托位), 512 after it (个 and 511).
        #expect(found.first?.clause == String(filler.suffix(503)) + "2030年新增托位300个" + String(filler.prefix(511)))
    }

    /// Lines that are not plain run the same rules, one Character a position: a combining mark
    /// stays on its Character (家́ is no unit, 比́ stays in the subject), extension-B ideographs and
    /// emoji are Characters like any other, a decomposed é and U+F98E (年) read in NFC, and
    /// full-width digits fold as on a plain line. Offsets count Characters.
    @Test(arguments: [
        ("到2025年，普惠托位占比\u{301}达到90%以上。", ["普惠托位占比\u{301}|>=|90|%|2025|普惠托位占比\u{301}达到90%以上|15"]),
        ("建成养老机构12家\u{301}，新增托位30\u{301}0个", ["托位30\u{301}|=|0|个|2024|新增托位30\u{301}0个|16"]),
        ("新增𠀀𠀁学位100个，𠀀建成养老机构12家", ["𠀀𠀁学位|=|100|个|2024|新增𠀀𠀁学位100个|6", "𠀀建成养老机构|=|12|家|2024|𠀀建成养老机构12家|18"]),
        ("👩\u{200D}💻新增普通高中学位100个🎉，😀建成养老机构12家",
         ["👩\u{200D}💻新增普通高中学位|=|100|个|2024|👩\u{200D}💻新增普通高中学位100个🎉|9", "😀建成养老机构|=|12|家|2024|😀建成养老机构12家|22"]),
        ("全县3岁以下婴幼儿🇨🇳", ["婴幼儿🇨🇳|<=|3|岁|2024|全县3岁以下婴幼儿🇨🇳|2"]),
        ("Cafe\u{301}新增座位20个", ["Caf\u{E9}新增座位|=|20|个|2024|Caf\u{E9}新增座位20个|8"]),
        ("到2025\u{F98E}新增托位300个", ["托位|=|300|个|2025|到2025年新增托位300个|10"]),
        ("覆盖率\u{301}保持在８０％—９０％", ["覆盖率\u{301}保持在|>=|80|%|2024|覆盖率\u{301}保持在80%—90%|6",
                                           "覆盖率\u{301}保持在80%—|<=|90|%|2024|覆盖率\u{301}保持在80%—90%|10"]),
        ("新增托位300个\r\n", ["托位|=|300|个|2024|新增托位300个\r\n|4"]),
    ])
    func readsLinesThatAreNotPlain(_ line: String, _ expected: [String]) {
        let found = FigureExtractor(documentYear: 2024).extract(line).map { f in
            "\(f.subject)|\(f.op.rawValue)|\(Value.format(f.value))|\(f.unit ?? "")|\(f.year.map(String.init) ?? "")|\(f.clause)|\(f.offset)"
        }
        // Bytes, not String ==, which would take a decomposed é for a composed one.
        #expect(found.map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "\(found)")
    }
}
