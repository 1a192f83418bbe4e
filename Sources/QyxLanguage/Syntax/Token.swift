/// A lexical token of the query language.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// An ASCII identifier or keyword: `select`, `year`, `document`.
        case identifier
        /// A run of non-ASCII letters: `老有康养`, `县教育局`. Always a value.
        case word
        case number
        case string
        /// `2025-01-01`
        case date
        /// `$region`
        case parameter
        /// `= != <> < <= > >= ~ !~ ( ) , ; . * + - / %`
        case symbol
        case end
    }
    public var kind: Kind
    /// Text as written; for strings, the text between the quotes with escapes resolved.
    public var text: String
    public var range: SourceRange
    /// The operator a symbol (`<=`, `+`) or keyword (`and`, `like`) spells; the parser decides
    /// from context whether `-` negates and `*` is a star.
    public var op: BinaryOperator? = nil

    /// Keywords compare case-insensitively.
    public func isKeyword(_ word: String) -> Bool { kind == .identifier && text.lowercased() == word }
    public func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }
}
