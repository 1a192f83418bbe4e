/// The syntax tree of a qyx statement, as parsed from grammar/qyx.ebnf.
public indirect enum Expr: Sendable {
    /// `year`, `document.number` (path has one or two names).
    case field([String], SourceRange)
    /// A bare word (`老有康养`, `elderly`) that the binder resolves to a value.
    case word(String, SourceRange)
    /// `integer` is the exact value of a literal written without `.` or an exponent.
    case number(Double, integer: Int?, SourceRange)
    case string(String, SourceRange)
    case date(String, SourceRange)
    /// `1500 人`, `0.6 亿元`, `90 %`.
    case quantity(Double, unit: String, SourceRange)
    case parameter(String, SourceRange)
    case null(SourceRange)
    case boolean(Bool, SourceRange)
    case unary(op: UnaryOperator, Expr, SourceRange)
    case binary(op: BinaryOperator, Expr, Expr, SourceRange)
    /// `x between a and b`, `negated` for `not between`.
    case between(Expr, Expr, Expr, negated: Bool, SourceRange)
    case inList(Expr, [Expr], negated: Bool, SourceRange)
    /// `is null` / `is not null`.
    case isNull(Expr, negated: Bool, SourceRange)
    /// `count(*)`, `avg(value)`, `count(distinct lead)`.
    case call(name: String, args: [Expr], star: Bool, distinct: Bool, SourceRange)

    public var range: SourceRange {
        switch self {
        case .field(_, let r), .word(_, let r), .number(_, _, let r), .string(_, let r), .date(_, let r),
             .quantity(_, _, let r), .parameter(_, let r), .null(let r), .boolean(_, let r), .unary(_, _, let r),
             .binary(_, _, _, let r), .between(_, _, _, _, let r), .inList(_, _, _, let r), .isNull(_, _, let r),
             .call(_, _, _, _, let r):
            return r
        }
    }
}

/// One item of a select list: an expression and its column name.
public struct SelectItem: Sendable {
    public var expr: Expr
    public var alias: String?
    /// The text the user wrote, used as the column name when there is no alias.
    public var text: String
}

public struct OrderItem: Sendable {
    public var expr: Expr
    public var descending: Bool
}

/// A name with where it was written, for error messages.
public struct Name: Sendable {
    public var text: String
    public var range: SourceRange
}

public struct SelectStatement: Sendable {
    public var distinct = false
    /// Empty for `select ENTITY …` (all fields).
    public var items: [SelectItem] = []
    public var entity: Name
    public var filter: Expr?
    public var groupBy: [Expr] = []
    public var having: Expr?
    public var orderBy: [OrderItem] = []
    public var limit: Expr?
    public var offset: Expr?
}

public enum Statement: Sendable {
    case select(SelectStatement)
    /// `compare indicators by year where …`
    case compare(entity: Name, by: Name, filter: Expr?)
    case describe(Name)
    case showEntities
    case showDomains
    case showValues(field: Name, entity: Name?)
}

/// A statement and where it sits in the script.
public struct ParsedStatement: Sendable {
    public var statement: Statement
    public var range: SourceRange
}
