/// A table as a layout reader found it: header cells and rows of cell text, with line numbers.
/// Readers know layouts; what the columns mean is decided later by the table builders.
struct RawTable {
    /// Which reader produced it: `pipe`, `tab` or `cell-per-line`.
    var layout: String
    var lines: ClosedRange<Int>
    /// The text line just before the table (`表 …`, `附件 1` title), if any.
    var caption: String?
    var header: [String]
    var rows: [RawRow]
}

/// One row: its cells (HTML already stripped), or a category heading such as `一、教育`.
struct RawRow {
    var line: Int
    var cells: [String]
    /// A row whose only cell is a heading for the rows below it.
    var isCategory: Bool = false
    /// A row that continues the previous one (its leading cells are empty).
    var isContinuation: Bool = false
}

/// A cell of a cell-per-line table, before cells are grouped into rows.
struct Fragment: Equatable {
    var line: Int
    var text: String
}

/// The fragments of a cell-per-line table: rows are grouped by the builder that knows the columns.
struct CellTable {
    var lines: ClosedRange<Int>
    var caption: String?
    var header: [String]
    var body: [Fragment]
}
