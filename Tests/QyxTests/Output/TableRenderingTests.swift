import Foundation
import QyxLanguage
import QyxModel
import QyxOutput
import Testing

/// Tables align by display width: a Chinese character takes two columns, numbers align right,
/// and long text is cut to the width available.
@Suite struct TableRenderingTests {
    let result = ResultSet(columns: [ResultColumn(name: "name", type: .text), ResultColumn(name: "value", type: .number),
                                     ResultColumn(name: "unit", type: .text)],
                           rows: [[.text("托位使用率"), .double(63), .text("%")],
                                  [.text("每万老年人口拥有持证养老护理员数"), .double(24.6), .text("人")],
                                  [.text("AED"), .null, .text("台")]])

    @Test func alignsByDisplayWidth() {
        let text = ResultRenderer(format: .table).render(result)
        #expect(text == """
        name                              value  unit
        ────────────────────────────────  ─────  ────
        托位使用率                           63  %
        每万老年人口拥有持证养老护理员数   24.6  人
        AED                                      台
        (3 rows)

        """)
    }

    @Test func fitsTheTerminalWidth() {
        let text = ResultRenderer(format: .table, width: 30).render(result)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 30 })
        #expect(lines[3].hasPrefix("每万老年人口拥有…"))
        // The number column keeps its right edge on every row.
        let edges = zip(lines[2...3], ["63", "24.6"]).map { line, number in
            DisplayWidth.of(String(line[..<line.range(of: number)!.upperBound]))
        }
        #expect(edges[0] == edges[1])
    }

    @Test func widthsComeFromTheCLibrary() {
        #expect(DisplayWidth.of("老有康养") == 8)
        #expect(DisplayWidth.of("AED") == 3)
        #expect(DisplayWidth.of("“七优享”") == 8)
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }

    @Test func csvQuotesWhatNeedsQuoting() {
        let r = ResultSet(columns: [ResultColumn(name: "a", type: .text)], rows: [[.text("x,\"y\"")], [.list([.text("县卫健局"), .text("各乡镇")])]])
        #expect(ResultRenderer(format: .csv).render(r) == "a\n\"x,\"\"y\"\"\"\n县卫健局; 各乡镇\n")
        #expect(ResultRenderer(format: .tsv).render(ResultSet(columns: r.columns, rows: [[.text("a\tb")]])) == "a\na b\n")
    }
}
