import QyxModel

/// Expressions over a group's rows: aggregates, and anything built from them and group keys.
extension Evaluator {
    /// Whether `e` aggregates, looking through aliases of select items.
    func needsGroup(_ e: BoundExpr) -> Bool {
        switch e {
        case .outputColumn(let i): return needsGroup(outputs[i])
        case .aggregate: return true
        case .column, .documentColumn, .constant: return false
        case .not(let a), .negate(let a, _), .regex(let a, _, _, _), .quantity(_, let a, _, _, _), .isNull(let a, _):
            return needsGroup(a)
        case .comparison(_, let a, let b), .logical(_, let a, let b), .textMatch(_, let a, let b), .arithmetic(_, let a, let b, _):
            return needsGroup(a) || needsGroup(b)
        case .between(let a, let b, let c, _): return needsGroup(a) || needsGroup(b) || needsGroup(c)
        case .inList(let a, let list, _): return needsGroup(a) || list.contains(where: needsGroup)
        case .scalarCall(_, let args, _): return args.contains(where: needsGroup)
        }
    }

    func group(_ e: BoundExpr) -> GroupFn {
        switch e {
        case .aggregate(let function, let arg, let distinct, let range):
            guard let arg else { return { rows in .int(rows.count) } }
            if let fast = columnAggregate(function, arg, distinct: distinct) { return fast }
            let f = row(arg)
            return { rows throws(QueryError) in try function.apply(rows.map(f), distinct: distinct, at: range) }
        case .outputColumn(let i):
            return group(outputs[i])
        case _ where !needsGroup(e):
            // A group key, or a constant: the same for every row of the group.
            let f = row(e)
            return { rows throws(QueryError) in try rows.first.map(f) ?? .null }
        case .not(let a):
            let g = group(a)
            return { rows throws(QueryError) in ValueOps.bool(ValueOps.truth(try g(rows)).map { !$0 }) }
        case .negate(let a, let range):
            let g = group(a)
            return { rows throws(QueryError) in try ValueOps.negate(g(rows), at: range) }
        case .arithmetic(let op, let a, let b, let range):
            let ga = group(a), gb = group(b)
            return { rows throws(QueryError) in try ValueOps.arithmetic(op, ga(rows), gb(rows), at: range) }
        case .logical(let op, let a, let b):
            let ga = group(a), gb = group(b)
            let decisive = op.decisiveOperand
            return { rows throws(QueryError) in
                let x = ValueOps.truth(try ga(rows)), y = ValueOps.truth(try gb(rows))
                return ValueOps.bool(x == decisive || y == decisive ? decisive : (x == nil || y == nil ? nil : !decisive))
            }
        case .textMatch(let op, let a, let b):
            let ga = group(a), gb = group(b)
            switch op {
            case .like: return { rows throws(QueryError) in ValueOps.bool(ValueOps.like(try ga(rows), try gb(rows))) }
            default: return { rows throws(QueryError) in ValueOps.bool(ValueOps.contains(try ga(rows), try gb(rows))) }
            }
        case .comparison(let op, let a, let b):
            let ga = group(a), gb = group(b)
            return { rows throws(QueryError) in ValueOps.bool(ValueOps.compare(op, try ga(rows), try gb(rows))) }
        case .between(let x, let lo, let hi, let negated):
            let gx = group(x), gl = group(lo), gh = group(hi)
            return { rows throws(QueryError) in
                let v = try gx(rows)
                guard let a = ValueOps.compare(v, try gl(rows)), let b = ValueOps.compare(v, try gh(rows)) else { return .null }
                return ValueOps.bool((a >= 0 && b <= 0) != negated)
            }
        case .inList(let x, let items, let negated):
            let gx = group(x), gs = items.map(group)
            return { rows throws(QueryError) in
                let v = try gx(rows)
                let hit = ValueOps.any(try gs.map { g throws(QueryError) in try g(rows) }) { ValueOps.compare(.equal, v, $0) }
                return ValueOps.bool(negated ? hit.map { !$0 } : hit)
            }
        case .isNull(let x, let negated):
            let gx = group(x)
            return { rows throws(QueryError) in .int((try gx(rows).isNull != negated) ? 1 : 0) }
        case .scalarCall(let function, let args, let range):
            let gs = args.map(group)
            return { rows throws(QueryError) in try function.apply(gs.map { g throws(QueryError) in try g(rows) }, at: range) }
        case .column, .documentColumn, .constant, .regex, .quantity:
            // A regular expression or an amount over an aggregate has no group form: null.
            return { _ in .null }
        }
    }

    /// `count`, `sum`, `avg`, `min`, `max` straight over an unboxed column, and `count(distinct)`
    /// over interned ids: a million-row group without a million boxed values.
    func columnAggregate(_ function: AggregateFunction, _ arg: BoundExpr, distinct: Bool) -> GroupFn? {
        guard case .column(let i) = arg else { return nil }
        switch (reader.cells(of: i), function, distinct) {
        case (.texts(let ids), .count, _):
            if !distinct { return { rows in .int(rows.reduce(0) { $0 + (ids[$1] < 0 ? 0 : 1) }) } }
            let size = reader.pool.count
            return { rows in
                var seen = [Bool](repeating: false, count: size)
                var n = 0
                for r in rows where ids[r] >= 0 && !seen[Int(ids[r])] {
                    seen[Int(ids[r])] = true
                    n += 1
                }
                return .int(n)
            }
        case (.doubles(let xs), _, false):
            return { rows in
                var n = 0, sum = 0.0, lo = Double.infinity, hi = -Double.infinity
                for r in rows {
                    let x = xs[r]
                    if x.isNaN { continue }
                    n += 1
                    sum += x
                    lo = Swift.min(lo, x)
                    hi = Swift.max(hi, x)
                }
                switch function {
                case .count: return .int(n)
                case .sum: return n == 0 ? .null : .double(sum)
                case .avg: return n == 0 ? .null : .double(sum / Double(n))
                case .min: return n == 0 ? .null : .double(lo)
                case .max: return n == 0 ? .null : .double(hi)
                }
            }
        default:
            return nil
        }
    }
}

extension AggregateFunction {
    /// The aggregate of `values`, nulls left out.
    func apply(_ values: [Value], distinct: Bool, at range: SourceRange) throws(QueryError) -> Value {
        var vals = values.filter { !$0.isNull }
        if distinct {
            var seen = Set<Value>()
            vals = vals.filter { seen.insert($0).inserted }
        }
        switch self {
        case .count: return .int(vals.count)
        case .sum:
            guard !vals.isEmpty else { return .null }
            if vals.allSatisfy({ if case .int = $0 { return true } else { return false } }) {
                // As SQLite: a sum of integers beyond 64 bits is an error, not a rounded double.
                var total = 0
                for case .int(let x) in vals {
                    let (r, overflow) = total.addingReportingOverflow(x)
                    if overflow { throw ValueOps.overflowError("sum(): \(total) + \(x)", at: range) }
                    total = r
                }
                return .int(total)
            }
            return .double(vals.compactMap(\.number).reduce(0, +))
        case .avg:
            let nums = vals.compactMap(\.number)
            return nums.isEmpty ? .null : .double(nums.reduce(0, +) / Double(nums.count))
        case .min: return vals.min { ValueOps.order($0, $1) < 0 } ?? .null
        case .max: return vals.max { ValueOps.order($0, $1) < 0 } ?? .null
        }
    }
}
