/// `count`, `sum`, `avg`, `min`, `max`: functions over a group's rows.
enum AggregateFunction: String, CaseIterable {
    case count, sum, avg, min, max
}

/// Functions of one row's values, with how many arguments each takes.
enum ScalarFunction: String, CaseIterable {
    case length, lower, upper, abs, round, coalesce, ifnull, nullif, substr, replace

    var arity: ClosedRange<Int> {
        switch self {
        case .length, .lower, .upper, .abs: return 1...1
        case .round: return 1...2
        case .coalesce: return 1...9
        case .ifnull, .nullif: return 2...2
        case .substr: return 2...3
        case .replace: return 3...3
        }
    }
}
