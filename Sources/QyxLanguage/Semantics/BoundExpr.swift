import QyxModel

/// The static type of an expression, checked before anything runs.
public enum ValueType: String, Sendable {
    case int, number, text, date, list, record, bool, null

    init(_ field: FieldType) {
        switch field {
        case .int: self = .int
        case .number: self = .number
        case .text: self = .text
        case .date: self = .date
        case .list: self = .list
        case .record: self = .record
        }
    }

    var isNumeric: Bool { self == .int || self == .number || self == .bool }
    var isTextual: Bool { self == .text || self == .date }

    /// How error messages name the type.
    var spoken: String {
        switch self {
        case .int, .number, .bool: return "a number"
        case .text: return "text"
        case .date: return "a date"
        case .list: return "a list"
        case .record: return "a record"
        case .null: return "null"
        }
    }
}

/// Where the unit of a numeric column comes from, for comparisons with quantities (1500 人).
enum UnitRef {
    case column(Int)
    case fixed(String)
}

/// An expression resolved against a table: fields are column indexes, words are values,
/// every node has a checked type.
indirect enum BoundExpr {
    case column(Int)
    /// A field of the row's document.
    case documentColumn(Int)
    case constant(Value)
    case not(BoundExpr)
    /// `-x`, located for its overflow error.
    case negate(BoundExpr, SourceRange)
    /// Located for its overflow error.
    case arithmetic(ArithmeticOperator, BoundExpr, BoundExpr, SourceRange)
    case comparison(ComparisonOperator, BoundExpr, BoundExpr)
    case logical(LogicalOperator, BoundExpr, BoundExpr)
    /// `like` or `contains`; `~` is `regex`, its pattern compiled once.
    case textMatch(PatternOperator, BoundExpr, BoundExpr)
    case regex(BoundExpr, Pattern, negated: Bool, SourceRange)
    /// `F op 1500 人`: rows whose amount, in its base unit, compares; other units never match.
    case quantity(op: ComparisonOperator, BoundExpr, unit: UnitRef, value: Double, baseUnit: String)
    case between(BoundExpr, BoundExpr, BoundExpr, negated: Bool)
    case inList(BoundExpr, [BoundExpr], negated: Bool)
    case isNull(BoundExpr, negated: Bool)
    case scalarCall(ScalarFunction, [BoundExpr], SourceRange)
    /// A nil argument is `count(*)`.
    case aggregate(AggregateFunction, BoundExpr?, distinct: Bool, SourceRange)
    /// A select item referred to by its alias in `having` or `order by`.
    case outputColumn(Int)

    var containsAggregate: Bool {
        switch self {
        case .aggregate: return true
        case .column, .documentColumn, .constant, .outputColumn: return false
        case .not(let e), .negate(let e, _), .regex(let e, _, _, _), .quantity(_, let e, _, _, _), .isNull(let e, _):
            return e.containsAggregate
        case .comparison(_, let a, let b), .logical(_, let a, let b), .textMatch(_, let a, let b), .arithmetic(_, let a, let b, _):
            return a.containsAggregate || b.containsAggregate
        case .between(let a, let b, let c, _): return a.containsAggregate || b.containsAggregate || c.containsAggregate
        case .inList(let a, let list, _): return a.containsAggregate || list.contains { $0.containsAggregate }
        case .scalarCall(_, let args, _): return args.contains { $0.containsAggregate }
        }
    }
}

/// A bound expression and its type.
struct Typed {
    var expr: BoundExpr
    var type: ValueType
}
