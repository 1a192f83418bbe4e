import QyxStorage
import QyxText
import QyxModel

// The storage types as the binder sees them; kept here, apart from the storage files, so that
// the storage layer needs no knowledge of the language.

extension Table: EntitySchema {}

extension Database: Schema {
    func entity(named name: String) -> Table? { table(name) }

    var documents: Table { table(.documents) }
}
