import Foundation
import QyxModel
@testable import QyxReaders
import Testing

/// The new layouts on hostile sizes: each loads in one pass (a quadratic reader would not
/// finish here) with its rows exactly counted.
@Suite struct HostileLayoutTests {
    static let rows = 100_000

    @Test
    func aSpaceAlignedTableOf100000Rows() throws {
        var text = "2025年松阳县公共服务“七优享”工程工作要点\n\n    序号      领域       指标名称          单位   目标值   牵头单位\n"
        for i in 1...Self.rows { text += "    \(i)" + String(repeating: " ", count: 10 - String(i).count) + "幼有善育   普惠托位占比      %      ≥\(i % 90)      县卫健局\n" }
        let c = try readDocument(text, name: "aligned-100k.txt")
        #expect(c.indicators.count == Self.rows)
        #expect(c.indicators.map(\.seq) == (1...Self.rows).map { Optional($0) })
        #expect(c.indicators.last?.unit == "%")
        #expect(c.diagnostics.map(\.description) == [])
    }

    @Test func aMarkdownTableOf100000Rows() throws {
        var text = "2025年松阳县公共服务“七优享”工程工作要点\n\n| 序号 | 领域 | 指标 | 计量单位 | 2025年目标值 | 责任单位 |\n|---|---|---|---|---|---|\n"
        for i in 1...Self.rows { text += "| \(i) | 幼有善育 | 普惠托位占比 | % | ≥\(i % 90) | 县卫健局 |\n" }
        let c = try readDocument(text, name: "markdown-100k.md")
        #expect(c.indicators.count == Self.rows)
        #expect(c.indicators.first?.provenance.line == 5)
        #expect(c.indicators.map(\.seq) == (1...Self.rows).map { Optional($0) })
        #expect(c.diagnostics.map(\.description) == [])
    }

    /// 500 columns, every one a year, in an aligned header over one row.
    @Test func anAlignedHeaderOf500Columns() throws {
        let years = (0..<500).map { "\(1990 + $0 % 110)年" }
        let header = "    序号   领域       指标名称   " + years.joined(separator: "   ") + "\n"
        let row = "    1      幼有善育   普惠托位   " + years.map { _ in "5     " }.joined(separator: "   ") + "\n"
        let c = try readDocument("2025年松阳县公共服务“七优享”工程工作要点\n\n" + header + row, name: "wide.txt")
        #expect(c.indicators.count == 500)
    }

    /// A 10 MB line with runs of spaces and header words in it is no table, found in one pass.
    @Test func aTenMegabyteLineWithGaps() throws {
        let line = String(repeating: "序号  领域  指标  目标值  ", count: 10_000_000 / 36)
        let file = SourceFile(id: "long", path: "long.txt", text: "2025年松阳县公共服务“七优享”工程工作要点\n" + line + "\n")
        #expect(AlignedTableReader.find(in: file, claimed: LineSet(lineCount: file.lines.count)).count == 0)
    }
}
