import QyxModel
import QyxReaders
import Testing

/// Exact counts of every entity in every built-in document.
@Suite struct CorpusCountTests {
    func count<T>(_ rows: [T], _ doc: String, _ provenance: (T) -> Provenance) -> Int {
        rows.filter { provenance($0).doc == doc }.count
    }

    @Test func builtInCorpusLoadsWithoutDiagnostics() {
        #expect(builtin.diagnostics.isEmpty, "\(builtin.diagnostics)")
        #expect(builtin.documents.map(\.id).sorted() == [
            "dongtou-2023-2027-plan", "shengsi-2024-integration-reform", "shengsi-2024-sector-reforms",
            "shengsi-2024-work-points", "shengsi-2025-work-points",
        ])
    }

    @Test(arguments: [
        // doc, indicators, tasks, projects, reforms, pairings
        ("shengsi-2025-work-points", 28, 49, 1, 0, 0),
        ("shengsi-2024-work-points", 28, 51, 5, 0, 0),
        ("dongtou-2023-2027-plan", 210, 39, 0, 0, 0),
        ("shengsi-2024-integration-reform", 0, 41, 21, 22, 0),
        ("shengsi-2024-sector-reforms", 0, 78, 0, 0, 16),
    ])
    func countsPerDocument(_ expected: (String, Int, Int, Int, Int, Int)) {
        let (doc, indicators, tasks, projects, reforms, pairings) = expected
        #expect(count(builtin.indicators, doc, \.provenance) == indicators)
        #expect(count(builtin.tasks, doc, \.provenance) == tasks)
        #expect(count(builtin.projects, doc, \.provenance) == projects)
        #expect(count(builtin.reforms, doc, \.provenance) == reforms)
        #expect(count(builtin.pairings, doc, \.provenance) == pairings)
    }

    @Test func totals() {
        #expect(builtin.indicators.count == 266)
        #expect(builtin.projects.count == 27)
        #expect(builtin.reforms.count == 22)
        #expect(builtin.pairings.count == 16)
        #expect(EntityKind.domains.rows(in: builtin).count == 10)
    }

    @Test func indicatorsPerRegionAndYear() {
        var counts: [String: Int] = [:]
        for i in builtin.indicators { counts["\(i.region ?? "?") \(i.year) \(i.kind)", default: 0] += 1 }
        #expect(counts == [
            "嵊泗县 2024 target": 28, "嵊泗县 2025 target": 28, "洞头区 2022 baseline": 35,
            "洞头区 2023 target": 35, "洞头区 2024 target": 35, "洞头区 2025 target": 35,
            "洞头区 2026 target": 35, "洞头区 2027 target": 35,
        ])
    }
}
