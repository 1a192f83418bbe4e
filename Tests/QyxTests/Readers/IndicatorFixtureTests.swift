import Foundation
import QyxModel
import QyxReaders
import QyxOutput
import Testing

/// Every indicator row of one document of each table layout, field by field, against a
/// hand-checked fixture (cell-per-line: 2025 工作要点; pipe: 洞头区 五年目标).
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
