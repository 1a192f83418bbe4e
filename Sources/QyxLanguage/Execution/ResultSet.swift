import QyxModel

/// A column of a result: its name and the type its values have.
public struct ResultColumn: Sendable, Equatable {
    public var name: String
    public var type: ValueType
    public init(name: String, type: ValueType) {
        self.name = name
        self.type = type
    }

    /// Numbers are right-aligned in tables.
    public var isNumeric: Bool { type.isNumeric }
}

/// What a statement returns: columns and rows of values.
public struct ResultSet: Sendable {
    public var columns: [ResultColumn]
    public var rows: [[Value]]
    /// For each row, the source rows it was computed from (one for a plain select, a group's
    /// rows for an aggregate); nil unless the engine was asked to track provenance.
    public var sources: [[Provenance]]?
    public init(columns: [ResultColumn], rows: [[Value]], sources: [[Provenance]]? = nil) {
        self.columns = columns
        self.rows = rows
        self.sources = sources
    }
}
