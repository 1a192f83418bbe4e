import Foundation
@testable import QyxLanguage
import QyxModel
import QyxReaders
import Testing
@testable import QyxAnalysis
@testable import QyxStorage

/// A load groups the conflict finder's statements document by document as the parts come in,
/// and its conflicts writer reuses the cells it has made. On a corpus with many conflicts, that
/// gives the conflicts the model finds with every statement in hand, row for row.
@Suite struct StreamedLoadTests {
    /// The built-in documents and, for each digit 1…4, a copy of each with that digit raised by
    /// one: the same indicators and figures with other values, from other documents.
    static func conflictingCorpus() throws -> URL {
        let folder = try temporaryFolder()
        for url in CorpusLoader.builtinFiles {
            let text = try String(contentsOf: url, encoding: .utf8)
            try text.write(to: folder.appendingPathComponent(url.lastPathComponent), atomically: true, encoding: .utf8)
            for digit in 1...4 {
                let variant = text.replacingOccurrences(of: String(digit), with: String(digit + 1))
                try variant.write(to: folder.appendingPathComponent("v\(digit)-" + url.lastPathComponent), atomically: true, encoding: .utf8)
            }
        }
        return folder
    }

    @Test func conflictsFoundAsDocumentsLoadAreTheModels() throws {
        let folder = try Self.conflictingCorpus()
        defer { try? FileManager.default.removeItem(at: folder) }
        let urls = CorpusLoader.files(at: folder).urls
        #expect(urls.count == 25)
        var model = CorpusLoader.load(urls)
        model.conflicts = ConflictFinder.find(in: model)
        let database = streamedDatabase(urls)
        // Every kind of conflict, citations of one place and of several, in some hundreds.
        #expect(model.conflicts.count == 363)
        #expect(Dictionary(grouping: model.conflicts, by: \.kind).mapValues(\.count)
            == ["table vs table": 169, "table vs text": 3, "text vs text": 191])
        #expect(model.conflicts.filter { $0.citedB.contains(";") }.count == 37)
        #expect(rows(of: .conflicts, in: database) == model.conflicts.map(\.values))
        for entity in EntityKind.allCases where entity != .conflicts {
            #expect(rows(of: entity, in: database) == rows(of: entity, in: Database(model)), "\(entity)")
        }
        // Pieces of 7 rows make each cell again in every piece: the same table, the same pool.
        let small = streamedDatabase(urls, conflictPieceRows: 7)
        #expect(DatabaseImage.write(small) == DatabaseImage.write(database))
    }

    /// Three statements of one subject whose values are each within rounding of the next but
    /// not of the one after: which of them the first pass meets first must not decide whether
    /// the group is looked at (a load meets a document's table targets before later figures).
    @Test func theFirstPassDoesNotDependOnTheOrderStatementsComeIn() {
        struct Statements: StatementSource {
            let keys: [ConflictFinder.Key]
            var count: Int { keys.count }
            var figureCount: Int { 1 }
            func key(_ i: Int) -> ConflictFinder.Key? { keys[i] }
            func text(_ id: Int32) -> String { "每千人口托位数" }
        }
        func key(_ value: Double, doc: Int32, fromTable: Bool) -> ConflictFinder.Key {
            ConflictFinder.Key(subject: 0, region: 1, year: 2025, unit: 2, value: value, doc: doc, fromTable: fromTable)
        }
        let source = Statements(keys: [key(100, doc: 10, fromTable: false), key(100 + 0.9e-7, doc: 11, fromTable: true),
                                       key(100 + 1.8e-7, doc: 12, fromTable: true)])
        let inOrder = ConflictFinder.pairs(in: source)
        #expect(inOrder.map(\.first) == [[0, 1]] && inOrder.map(\.other) == [[2]] && inOrder.map(\.kind) == ["table vs text"])
        var tablesFirst = ConflictFinder.Grouping()
        for i in [1, 2, 0] { tablesFirst.add(source.key(i), fromTable: i >= source.figureCount, subject: source.text) }
        let grouped = ConflictFinder.pairs(in: source, grouping: tablesFirst)
        #expect(grouped.map(\.first) == inOrder.map(\.first) && grouped.map(\.other) == inOrder.map(\.other))
    }
}
