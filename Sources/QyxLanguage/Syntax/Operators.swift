/// `= != < <= > >=`: the operators that order two values.
public enum ComparisonOperator: String, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// The operator with its operands swapped: `3 < x` is `x > 3`.
    public var flipped: ComparisonOperator {
        switch self {
        case .equal, .notEqual: return self
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        }
    }

    /// `=` and `!=` need no order, so they also apply to lists.
    public var isEquality: Bool { self == .equal || self == .notEqual }

    /// Whether the comparison holds for `order`, the sign of left minus right.
    public func holds(_ order: Int) -> Bool {
        switch self {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }
}

/// `+ - * / %`.
public enum ArithmeticOperator: String, Sendable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"
}

/// `and`, `or`.
public enum LogicalOperator: String, Sendable, CaseIterable {
    case and
    case or

    /// The operand value that decides the result alone: false for `and`, true for `or`.
    public var decisiveOperand: Bool { self == .or }
}

/// Operators that match text: `like`, `contains`, and the regular expressions `~` and `!~`.
public enum PatternOperator: String, Sendable, CaseIterable {
    case like
    case contains
    case matches = "~"
    case notMatches = "!~"

    /// `~` and `!~` take a regular expression; `like` and `contains` any text value.
    public var isRegex: Bool { self == .matches || self == .notMatches }
}

/// An operator between two expressions, by kind.
public enum BinaryOperator: Sendable, Equatable {
    case comparison(ComparisonOperator)
    case arithmetic(ArithmeticOperator)
    case logical(LogicalOperator)
    case pattern(PatternOperator)

    /// The operator as written, for error messages.
    public var text: String {
        switch self {
        case .comparison(let op): return op.rawValue
        case .arithmetic(let op): return op.rawValue
        case .logical(let op): return op.rawValue
        case .pattern(let op): return op.rawValue
        }
    }

    /// The operator a symbol (`<=`) or keyword (`and`, `like`) spells, in its canonical
    /// spelling (the lexer has already turned `<>`, `==`, `≥` into it).
    public init?(spelling: String) {
        if let op = ComparisonOperator(rawValue: spelling) { self = .comparison(op) }
        else if let op = ArithmeticOperator(rawValue: spelling) { self = .arithmetic(op) }
        else if let op = LogicalOperator(rawValue: spelling.lowercased()) { self = .logical(op) }
        else if let op = PatternOperator(rawValue: spelling.lowercased()) { self = .pattern(op) }
        else { return nil }
    }
}

/// An operator before one expression: `not x`, `-x`.
public enum UnaryOperator: String, Sendable {
    case not
    case negate = "-"
}
