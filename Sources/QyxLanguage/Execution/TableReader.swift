import QyxModel
import QyxStorage
import QyxText

/// A column's cells as the evaluator reads them: unboxed where the storage is, so that the fast
/// paths loop over plain arrays, and boxed values otherwise.
enum ColumnCells {
    /// `Column.nullInt` is null.
    case ints([Int])
    /// NaN is null.
    case doubles([Double])
    /// String pool ids; a negative id is null. Text and dates.
    case texts([Int32])
    /// Lists and records.
    case values
}

extension Column {
    var cells: ColumnCells {
        switch spec.type {
        case .int: return .ints(ints)
        case .number: return .doubles(doubles)
        case .text, .date: return .texts(texts)
        case .list, .record: return .values
        }
    }
}

/// The evaluator's read access to one table's columns, the documents its rows belong to, and
/// the string pool their text ids point into.
struct TableReader {
    let table: Table
    let documents: Table
    let pool: StringPool

    init(_ table: Table, in database: Database) {
        self.table = table
        documents = database.documents
        pool = database.pool
    }

    var rowCount: Int { table.count }

    func type(of column: Int) -> FieldType { table.columns[column].spec.type }

    func cells(of column: Int) -> ColumnCells { table.columns[column].cells }

    /// Reads column `column` of a row as a value.
    func values(of column: Int) -> Evaluator.RowFn {
        let column = table.columns[column], pool = self.pool
        return { column.value($0, pool) }
    }

    /// Reads field `column` of a row's document; null for a row outside any document.
    func documentValues(of column: Int) -> Evaluator.RowFn {
        let column = documents.columns[column], pool = self.pool
        let documentRow = table.documentRow
        return { r in documentRow[r] < 0 ? .null : column.value(Int(documentRow[r]), pool) }
    }
}
