import QyxModel

/// Comparison, matching and arithmetic on values, with SQL's rules for null: anything compared
/// with null is unknown (nil), and unknown is not true.
public enum ValueOps {
    /// SQLite's order: null < numbers < text; text by UTF-8 bytes; nil when either side is null.
    static func compare(_ a: Value, _ b: Value) -> Int? {
        if a.isNull || b.isNull { return nil }
        return order(a, b)
    }

    /// A total order for sorting, nulls first.
    public static func order(_ a: Value, _ b: Value) -> Int {
        switch (a, b) {
        case (.null, .null): return 0
        case (.null, _): return -1
        case (_, .null): return 1
        default: break
        }
        if let x = a.number, let y = b.number { return x < y ? -1 : (x > y ? 1 : 0) }
        if a.number != nil { return -1 }
        if b.number != nil { return 1 }
        return compareText(a.displayText, b.displayText)
    }

    static func compareText(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        var i = a.utf8.makeIterator(), j = b.utf8.makeIterator()
        while true {
            switch (i.next(), j.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case let (x?, y?): if x != y { return x < y ? -1 : 1 }
            }
        }
    }

    /// `=` and friends; a list matches when any element does.
    static func compare(_ op: ComparisonOperator, _ a: Value, _ b: Value) -> Bool? {
        if case .list(let items) = a { return any(items) { compare(op, $0, b) } }
        if case .list(let items) = b { return any(items) { compare(op, a, $0) } }
        guard let c = compare(a, b) else { return nil }
        return op.holds(c)
    }

    static func any(_ items: [Value], _ f: (Value) -> Bool?) -> Bool? {
        var sawNull = false
        for item in items {
            switch f(item) {
            case true?: return true
            case nil: sawNull = true
            default: break
            }
        }
        return sawNull ? nil : false
    }

    static func contains(_ a: Value, _ b: Value) -> Bool? {
        if case .list(let items) = a { return any(items) { contains($0, b) } }
        if a.isNull || b.isNull { return nil }
        let needle = b.displayText
        return needle.isEmpty || a.displayText.contains(needle)
    }

    static func like(_ a: Value, _ b: Value) -> Bool? {
        if case .list(let items) = a { return any(items) { like($0, b) } }
        if a.isNull || b.isNull { return nil }
        return LikePattern(b.displayText).matches(a.displayText)
    }

    /// `+ - * / %`. Integers stay integers and a result beyond 64 bits is an error located at
    /// `range`; `/` always gives a double; `/ 0` and `% 0` are null, as in SQLite; `x % -1` is 0.
    static func arithmetic(_ op: ArithmeticOperator, _ a: Value, _ b: Value, at range: SourceRange) throws(QueryError) -> Value {
        if case .int(let x) = a, case .int(let y) = b, op != .divide {
            let (r, overflow): (Int, Bool)
            switch op {
            case .add: (r, overflow) = x.addingReportingOverflow(y)
            case .subtract: (r, overflow) = x.subtractingReportingOverflow(y)
            case .multiply: (r, overflow) = x.multipliedReportingOverflow(by: y)
            // Int.min % -1 traps in Swift, though the remainder is 0.
            case .remainder: return y == 0 ? .null : .int(y == -1 ? 0 : x % y)
            case .divide: return .null  // not reached: / left the integer branch above
            }
            if overflow { throw overflowError("\(x) \(op.rawValue) \(y)", at: range) }
            return .int(r)
        }
        guard let x = a.number, let y = b.number else { return .null }
        switch op {
        case .add: return .double(x + y)
        case .subtract: return .double(x - y)
        case .multiply: return .double(x * y)
        case .divide: return y == 0 ? .null : .double(x / y)
        case .remainder: return y == 0 ? .null : .double(x.truncatingRemainder(dividingBy: y))
        }
    }

    /// `-x`; the negation of the smallest integer does not fit.
    static func negate(_ v: Value, at range: SourceRange) throws(QueryError) -> Value {
        switch v {
        case .int(let i):
            let (r, overflow) = Int(0).subtractingReportingOverflow(i)
            if overflow { throw overflowError("-(\(i))", at: range) }
            return .int(r)
        case .double(let d): return .double(-d)
        default: return .null
        }
    }

    /// The one message for every integer result beyond 64 bits.
    static func overflowError(_ what: String, at range: SourceRange) -> QueryError {
        QueryError("integer overflow in \(what)", at: range,
                   hint: "integers are 64-bit, \(Int.min) to \(Int.max); multiply by 1.0 to work in floating point")
    }

    static func truth(_ v: Value) -> Bool? {
        switch v {
        case .null: return nil
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        default: return !v.displayText.isEmpty
        }
    }

    static func bool(_ b: Bool?) -> Value { b.map { .int($0 ? 1 : 0) } ?? .null }
}

/// SQL LIKE: `%` any run, `_` one character; ASCII letters match either case, as in SQLite.
struct LikePattern {
    let pattern: [Unicode.Scalar]
    init(_ p: String) { pattern = Array(p.unicodeScalars) }

    func matches(_ text: String) -> Bool {
        let t = Array(text.unicodeScalars)
        // Iterative matcher with one backtrack point: linear for patterns without nested %.
        var ti = 0, pi = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < pattern.count, pattern[pi] != "%", pattern[pi] == "_" || same(pattern[pi], t[ti]) {
                ti += 1; pi += 1
            } else if pi < pattern.count, pattern[pi] == "%" {
                star = pi; mark = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ti = mark
            } else {
                return false
            }
        }
        while pi < pattern.count, pattern[pi] == "%" { pi += 1 }
        return pi == pattern.count
    }

    func same(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        if a == b { return true }
        guard a.isASCII, b.isASCII else { return false }
        return Character(a).lowercased() == Character(b).lowercased()
    }
}
