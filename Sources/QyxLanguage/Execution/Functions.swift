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
        }
    }
}
