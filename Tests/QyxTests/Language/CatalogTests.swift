@testable import QyxLanguage
import QyxModel
import Testing
@testable import QyxStorage

/// The catalog reaches tables by entity kind, so a database missing a table answers with an
/// empty one instead of crashing.
@Suite struct CatalogTests {
    static let bare = Database(pool: StringPool(strings: [], index: nil), tables: [:], corpus: Corpus())

    @Test func showEntitiesOnADatabaseWithNoTablesListsEveryEntityEmpty() {
        let result = Catalog.entities(in: Self.bare)
        let expected: [[Value]] = EntityKind.allCases.map { kind in
            [.text(kind.rawValue), .int(0), .int(kind.fields.count), .text(Catalog.meanings[kind.rawValue] ?? "")]
        }
        #expect(result.rows == expected)
    }

    @Test func showDomainsOnADatabaseWithNoTablesCountsNothing() {
        let result = Catalog.domains(in: Self.bare)
        let expected: [[Value]] = Domain.all.map { [.text($0.name), .text($0.alias), .text($0.kind), .int(0), .int(0)] }
        #expect(result.rows == expected)
    }

    @Test func aMissingTableIsEmptyWithTheEntitysFields() {
        let table = Self.bare.table(.indicators)
        #expect(table.name == "indicators")
        #expect(table.count == 0)
        #expect(table.fields.map(\.name) == Indicator.fields.map(\.name))
    }
}
