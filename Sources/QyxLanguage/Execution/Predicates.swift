import QyxModel
import QyxStorage
import QyxText

/// Conditions of one row, with SQL's three values: true, false, and unknown (nil).
extension Evaluator {
    func predicate(_ e: BoundExpr) -> Predicate {
        switch e {
        case .logical(let op, let a, let b):
            let pa = predicate(a), pb = predicate(b)
            // False decides `and` alone, true decides `or`; the other side is then not evaluated.
            let decisive = op.decisiveOperand
            return { r throws(QueryError) in
                let x = try pa(r)
                if x == decisive { return decisive }
                let y = try pb(r)
                if y == decisive { return decisive }
                return x == nil || y == nil ? nil : !decisive
            }
        case .not(let a):
            let p = predicate(a)
            return { r throws(QueryError) in try p(r).map { !$0 } }
        case .comparison(let op, .column(let i), .constant(let c)):
            if let fast = columnComparison(op, i, c) { return fast }
        case .comparison(let op, .constant(let c), .column(let i)):
            if let fast = columnComparison(op.flipped, i, c) { return fast }
        case .textMatch(let op, .column(let i), .constant(let c)):
            if let fast = columnTextMatch(op, i, c) { return fast }
        case .between(.column(let i), .constant(let lo), .constant(let hi), let negated):
            // `x between lo and hi` is `x >= lo and x <= hi`, each on unboxed storage.
            if let low = columnComparison(.greaterOrEqual, i, lo), let high = columnComparison(.lessOrEqual, i, hi) {
                return { r throws(QueryError) in
                    guard let a = try low(r), let b = try high(r) else { return nil }
                    return (a && b) != negated
                }
            }
        case .quantity(let op, .column(let i), .column(let j), let value, let baseUnit):
            if let fast = columnQuantity(op, i, unitColumn: j, value, baseUnit) { return fast }
        default:
            break
        }
        return generic(e)
    }

    /// Any condition, through `Value`.
    func generic(_ e: BoundExpr) -> Predicate {
        switch e {
        case .comparison(let op, let a, let b):
            let fa = row(a), fb = row(b)
            return { r throws(QueryError) in ValueOps.compare(op, try fa(r), try fb(r)) }
        case .textMatch(let op, let a, let b):
            let fa = row(a), fb = row(b)
            switch op {
            case .like: return { r throws(QueryError) in ValueOps.like(try fa(r), try fb(r)) }
            default: return { r throws(QueryError) in ValueOps.contains(try fa(r), try fb(r)) }
            }
        case .regex(let a, let pattern, let negated, let range):
            let fa = row(a)
            return { [cancellation] r throws(QueryError) in
                let matched = try Self.regexMatch(pattern, try fa(r), at: range, cancellation)
                return negated ? matched.map { !$0 } : matched
            }
        case .quantity(let op, let field, let unit, let value, let baseUnit):
            let f = row(field)
            let unitOf: RowFn
            switch unit {
            case .column(let j): unitOf = row(.column(j))
            case .fixed(let u): unitOf = { _ in .text(u) }
            }
            return { r throws(QueryError) in
                guard let v = try f(r).number else { return nil }
                let u = try unitOf(r)
                let base = Units.normalize(v, unit: u.isNull ? nil : u.displayText)
                guard (base.unit ?? "") == baseUnit else { return false }
                return op.holds(base.value < value ? -1 : (base.value > value ? 1 : 0))
            }
        case .between(let x, let lo, let hi, let negated):
            let fx = row(x), fl = row(lo), fh = row(hi)
            return { r throws(QueryError) in
                let v = try fx(r)
                guard let a = ValueOps.compare(v, try fl(r)), let b = ValueOps.compare(v, try fh(r)) else { return nil }
                let inside = a >= 0 && b <= 0
                return negated ? !inside : inside
            }
        case .inList(let x, let items, let negated):
            let fx = row(x)
            let fs = items.map(row)
            return { r throws(QueryError) in
                let v = try fx(r)
                let hit = ValueOps.any(try fs.map { f throws(QueryError) in try f(r) }) { ValueOps.compare(.equal, v, $0) }
                return negated ? hit.map { !$0 } : hit
            }
        case .isNull(let x, let negated):
            let fx = row(x)
            return { r throws(QueryError) in
                let v = try fx(r)
                let isNull = v.isNull || (v == .list([]))
                return negated ? !isNull : isNull
            }
        default:
            let f = row(e)
            return { r throws(QueryError) in ValueOps.truth(try f(r)) }
        }
    }

    /// `v ~ pattern`; a match can take long on a long cell, so each one first checks the
    /// statement's stop request.
    static func regexMatch(_ pattern: Pattern, _ v: Value, at range: SourceRange, _ cancellation: Cancellation) throws(QueryError) -> Bool? {
        if case .list(let items) = v {
            var sawNull = false
            for item in items {
                switch try regexMatch(pattern, item, at: range, cancellation) {
                case true?: return true
                case nil: sawNull = true
                default: break
                }
            }
            return sawNull ? nil : false
        }
        if v.isNull { return nil }
        if let stop = cancellation.stopped() { throw QueryError(stop.message(), at: range) }
        switch pattern.match(v.displayText) {
        case .match: return true
        case .noMatch: return false
        case .gaveUp:
            throw QueryError("regular expression \"\(pattern.source)\" gave up after \(Pattern.stepLimit) steps", at: range,
                             hint: "a repeated group whose branches can match the same text backtracks without end; simplify it, or use contains")
        }
    }
}
