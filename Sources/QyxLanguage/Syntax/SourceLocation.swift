/// A position in query text: 1-based line and column (columns count characters, not bytes).
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int
    /// Offset in characters from the start of the text.
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { a.offset < b.offset }
}

/// A span of query text that an error points at.
public struct SourceRange: Hashable, Sendable {
    public var start: SourceLocation
    /// Length in characters (at least 1 for a caret).
    public var length: Int
    public init(start: SourceLocation, length: Int) {
        self.start = start
        self.length = max(1, length)
    }
}

/// Why a query cannot run: what was expected, where, and a suggestion when one is close.
public struct QueryError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var range: SourceRange
    /// `did you mean 老有康养?`
    public var hint: String?

    public init(_ message: String, at range: SourceRange, hint: String? = nil) {
        self.message = message
        self.range = range
        self.hint = hint
    }

    public var description: String {
        "\(range.start.line):\(range.start.column): error: \(message)" + (hint.map { " (\($0))" } ?? "")
    }
}
