import Foundation
import QyxModel

extension ScalarFunction {
    /// The function of `args`, already checked for their number by the binder.
    func apply(_ args: [Value], at range: SourceRange) throws(QueryError) -> Value {
        switch self {
        case .length: return args[0].isNull ? .null : .int(args[0].displayText.count)
        case .lower: return args[0].isNull ? .null : .text(args[0].displayText.lowercased())
        case .upper: return args[0].isNull ? .null : .text(args[0].displayText.uppercased())
        case .abs:
            if case .int(let i) = args[0] {
                if i == Int.min { throw ValueOps.overflowError("abs(\(i))", at: range) }
                return .int(Swift.abs(i))
            }
            return args[0].number.map { .double(Swift.abs($0)) } ?? .null
        case .round:
            guard let x = args[0].number else { return .null }
            let digits = args.count > 1 ? Int(args[1].number ?? 0) : 0
            let p = pow(10.0, Double(digits))
            return .double((x * p).rounded(.toNearestOrAwayFromZero) / p)
        case .coalesce, .ifnull: return args.first { !$0.isNull } ?? .null
        case .nullif: return args[0] == args[1] ? .null : args[0]
        case .substr:
            if args.contains(where: \.isNull) { return .null }
            let chars = Array(args[0].displayText)
            return .text(String(chars[Self.substrRange(count: chars.count, start: Self.wholeNumber(args[1]),
                                                       length: args.count > 2 ? Self.wholeNumber(args[2]) : nil)]))
        case .replace:
            if args.contains(where: \.isNull) { return .null }
            let from = args[1].displayText
            if from.isEmpty { return .text(args[0].displayText) }
            return .text(args[0].displayText.replacingOccurrences(of: from, with: args[2].displayText))
        }
    }

    /// A number argument as a whole number, clamped to ±2⁵²: any larger magnitude keeps or drops
    /// every character of a text just as 2⁵² does, and `1e300` is not a trap.
    static func wholeNumber(_ v: Value) -> Int {
        guard let d = v.number, !d.isNaN else { return 0 }
        return Int(max(-4.5e15, min(4.5e15, d)))
    }

    /// The characters `substr(X, start, length)` keeps, by SQLite's rule (its substrFunc):
    /// 1-based, a negative start counts from the end, 0 is the place before the first character,
    /// a negative length takes the characters before `start`, and no length means 10⁹ (its
    /// default length limit).
    static func substrRange(count: Int, start: Int, length: Int?) -> Range<Int> {
        var p1 = start, p2 = length ?? 1_000_000_000
        let negative = p2 < 0
        if negative { p2 = -p2 }
        if p1 < 0 {
            p1 += count
            if p1 < 0 { p2 = max(p2 + p1, 0); p1 = 0 }
        } else if p1 > 0 {
            p1 -= 1
        } else if p2 > 0 {
            p2 -= 1
        }
        if negative {
            p1 -= p2
            if p1 < 0 { p2 += p1; p1 = 0 }
        }
        let from = min(p1, count)
        return from..<min(from + p2, count)
    }
}
