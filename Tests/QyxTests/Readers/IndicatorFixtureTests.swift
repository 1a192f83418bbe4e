import Foundation
import QyxModel
import QyxReaders
import QyxOutput
import Testing

/// Every indicator row of one document of each table layout, field by field, against a fixture
/// (cell-per-line: 2025 工作要点; pipe: 洞头区 五年目标). The fixtures are regression snapshots:
/// the reader wrote them once and they were checked by hand then. So beside each is a check that
/// does not trust them: the cells re-read from the source lines by a rule of its own.
@Suite struct IndicatorFixtureTests {
    static func fixture(_ name: String) throws -> [String] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "jsonl"))
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func exported(_ doc: String) -> [String] {
        let names = EntityKind.indicators.fields.map(\.name)
        return builtin.indicators.filter { $0.provenance.doc == doc }
            .map { JSONWriter.object(names: names, values: $0.values) }
    }

    /// Decodes one JSON object line into field → JSON text of the value, for per-field messages.
    func fields(_ line: String) throws -> [String: String] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        var out: [String: String] = [:]
        for (k, v) in object {
            let data = try JSONSerialization.data(withJSONObject: v, options: [.fragmentsAllowed, .sortedKeys])
            out[k] = String(decoding: data, as: UTF8.self)
        }
        return out
    }

    @Test(arguments: ["shengsi-2025-work-points", "dongtou-2023-2027-plan"])
    func everyRowEveryField(_ doc: String) throws {
        let expected = try Self.fixture("indicators-\(doc)")
        let actual = exported(doc)
        #expect(actual.count == expected.count)
        for (i, (a, e)) in zip(actual, expected).enumerated() {
            let af = try fields(a), ef = try fields(e)
            #expect(af.keys.sorted() == ef.keys.sorted(), "row \(i + 1) field names")
            for key in ef.keys.sorted() where af[key] != ef[key] {
                Issue.record("\(doc) row \(i + 1) field \(key): got \(af[key] ?? "missing"), expected \(ef[key]!)")
            }
        }
    }

    /// The cell-per-line table re-read from its source lines: the row's cited line is its 序号,
    /// the next non-blank line its name (with the unit in brackets), the one after its target
    /// (no-break spaces read as spaces). Three rows break that simple rule, each named here: two
    /// with an empty target cell (the next line is the lead) and one whose target wraps.
    @Test func cellPerLineRowsMatchSourceLines() throws {
        let url = try #require(CorpusLoader.builtinFiles.first { $0.lastPathComponent.hasPrefix("shengsi-2025") })
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.replacingOccurrences(of: "\u{00A0}", with: " ").trimmingCharacters(in: .whitespaces) }
        let rows = builtin.indicators.filter { $0.provenance.doc == "shengsi-2025-work-points" }
        #expect(rows.count == 28)
        var otherwise: [String] = []
        for row in rows {
            let after = lines[row.provenance.line...].filter { !$0.isEmpty }.prefix(2)
            let nameCell = after.first ?? "", targetCell = after.dropFirst().first ?? ""
            let names = [row.name] + (row.unit.map { [row.name + "（\($0)）", row.name + "(\($0))"] } ?? [])
            #expect(lines[row.provenance.line - 1] == String(row.seq ?? -1), "line \(row.provenance.line)")
            #expect(names.contains(nameCell), "line \(row.provenance.line): \(nameCell)")
            if targetCell != row.target { otherwise.append("\(row.provenance.line): \(targetCell) → \(row.target)") }
        }
        #expect(otherwise == Self.cellPerLineExceptions, "\(otherwise)")
    }

    /// Rows 8 and 9 (lines 113, 119) have no target line: their next line is the lead. Row 15's
    /// target 职工85、城乡居民69 wraps onto a second line (171).
    static let cellPerLineExceptions = ["113: 县教育局 → ", "119: 县教育局 → ", "169: 职工85、 → 职工85、城乡居民69"]

    /// The pipe table's cells, read independently by splitting the source lines on `|`,
    /// agree with the targets the reader produced.
    @Test func pipeTargetsMatchSourceCells() throws {
        let url = try #require(CorpusLoader.builtinFiles.first { $0.lastPathComponent.hasPrefix("dongtou") })
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let rows = builtin.indicators.filter { $0.provenance.doc == "dongtou-2023-2027-plan" }
        #expect(Set(rows.map(\.provenance.line)).count == 35)
        for row in rows {
            let cells = lines[row.provenance.line - 1].split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let seqIndex = try #require(cells.firstIndex(of: String(row.seq ?? -1)))
            let yearCell = cells[seqIndex + 2 + (row.year - 2022)]
            #expect(yearCell == row.target, "line \(row.provenance.line) year \(row.year)")
        }
    }
}
