import Foundation
import QyxModel
import QyxText
import QyxStorage

/// Compiles bound expressions into closures over row numbers of a columnar table. Common
/// predicates (a column against a constant) get specialised closures that read unboxed
/// columns and interned ids directly; everything else goes through `Value`.
final class Evaluator {
    // Throwing: integer overflow, a regular expression out of steps, or the statement's time
    // limit stops evaluation with a located error.
    typealias RowFn = (Int) throws(QueryError) -> Value
    typealias Predicate = (Int) throws(QueryError) -> Bool?
    typealias GroupFn = ([Int]) throws(QueryError) -> Value

    let database: Database
    let table: Table
    let pool: StringPool
    let cancellation: Cancellation
    /// Select items, so that an alias in `order by` or `having` reads the item.
    var outputs: [BoundExpr] = []

    init(database: Database, table: Table, cancellation: Cancellation) {
        self.database = database
        self.table = table
        self.pool = database.pool
        self.cancellation = cancellation
    }

    // MARK: row expressions

    func row(_ e: BoundExpr) -> RowFn {
        let pool = self.pool
        switch e {
        case .column(let i):
            let column = table.columns[i]
            return { column.value($0, pool) }
        case .documentColumn(let i):
            let column = database.table("documents")!.columns[i]
            let docRow = table.documentRow
            return { r in docRow[r] < 0 ? .null : column.value(Int(docRow[r]), pool) }
        case .constant(let v):
            return { _ in v }
        case .outputColumn(let i):
            return row(outputs[i])
        case .negate(let operand, let range):
            let f = row(operand)
            return { r throws(QueryError) in try ValueOps.negate(f(r), at: range) }
        case .arithmetic(let op, let a, let b, let range):
            let fa = row(a), fb = row(b)
            return { r throws(QueryError) in try ValueOps.arithmetic(op, fa(r), fb(r), at: range) }
        case .scalarCall(let name, let args, let range):
            let fs = args.map(row)
            return { r throws(QueryError) in try Functions.scalar(name, fs.map { f throws(QueryError) in try f(r) }, at: range) }
        case .aggregate:
            return { _ in .null }
        default:
            let p = predicate(e)
            return { r throws(QueryError) in ValueOps.bool(try p(r)) }
        }
    }

    // MARK: predicates

    func predicate(_ e: BoundExpr) -> Predicate {
        switch e {
        case .binary("and", let a, let b):
            let pa = predicate(a), pb = predicate(b)
            return { r throws(QueryError) in
                let x = try pa(r)
                if x == false { return false }
                let y = try pb(r)
                if y == false { return false }
                return x == nil || y == nil ? nil : true
            }
        case .binary("or", let a, let b):
            let pa = predicate(a), pb = predicate(b)
            return { r throws(QueryError) in
                let x = try pa(r)
                if x == true { return true }
                let y = try pb(r)
                if y == true { return true }
                return x == nil || y == nil ? nil : false
            }
        case .unary("not", let a):
            let p = predicate(a)
            return { r throws(QueryError) in try p(r).map { !$0 } }
        case .binary(let op, .column(let i), .constant(let c)) where ["=", "!=", "<", "<=", ">", ">="].contains(op):
            if let fast = columnComparison(op, i, c) { return fast }
        case .binary(let op, .constant(let c), .column(let i)) where ["=", "!=", "<", "<=", ">", ">="].contains(op):
            let flipped = ["<": ">", "<=": ">=", ">": "<", ">=": "<="][op] ?? op
            if let fast = columnComparison(flipped, i, c) { return fast }
        case .binary(let op, .column(let i), .constant(let c)) where op == "contains" || op == "like":
            if let fast = textMatch(op, i, c) { return fast }
        case .between(.column(let i), .constant(let lo), .constant(let hi), let negated):
            // `x between lo and hi` is `x >= lo and x <= hi`, each on unboxed storage.
            if let low = columnComparison(">=", i, lo), let high = columnComparison("<=", i, hi) {
                return { r throws(QueryError) in
                    guard let a = try low(r), let b = try high(r) else { return nil }
                    return (a && b) != negated
                }
            }
        default:
            break
        }
        return generic(e)
    }

    /// `column op constant` on unboxed storage.
    func columnComparison(_ op: String, _ i: Int, _ c: Value) -> Predicate? {
        let column = table.columns[i]
        let test = ValueOps.tester(op)
        switch column.spec.type {
        case .int:
            guard let k = c.number else { return nil }
            let ints = column.ints
            return { r in
                let v = ints[r]
                if v == Column.nullInt { return nil }
                let d = Double(v)
                return test(d < k ? -1 : (d > k ? 1 : 0))
            }
        case .number:
            guard let k = c.number else { return nil }
            let doubles = column.doubles
            return { r in
                let d = doubles[r]
                if d.isNaN { return nil }
                return test(d < k ? -1 : (d > k ? 1 : 0))
            }
        case .text, .date:
            guard case .text(let s) = c else { return nil }
            let texts = column.texts
            if op == "=" || op == "!=" {
                let id = pool.id(of: s) ?? -2
                let equal = op == "="
                return { r in
                    let v = texts[r]
                    if v < 0 { return nil }
                    return (v == id) == equal
                }
            }
            // Ordering compares each distinct string once.
            let verdicts = cache(column) { ValueOps.test(op, ValueOps.compareText($0, s)) }
            return { r in
                let v = texts[r]
                return v < 0 ? nil : verdicts(v)
            }
        default:
            return nil
        }
    }

    /// `contains` / `like` on a text column, decided once per distinct string.
    func textMatch(_ op: String, _ i: Int, _ c: Value) -> Predicate? {
        let column = table.columns[i]
        guard column.spec.type == .text || column.spec.type == .date, !c.isNull else { return nil }
        let needle = c.displayText
        let like = LikePattern(needle)
        let verdicts = cache(column) { op == "contains" ? (needle.isEmpty || $0.contains(needle)) : like.matches($0) }
        let texts = column.texts
        return { r in
            let v = texts[r]
            return v < 0 ? nil : verdicts(v)
        }
    }

    /// A memo of `test` over the pool's strings, filled on first use of each id.
    func cache(_ column: Column, _ test: @escaping (String) -> Bool) -> (Int32) -> Bool {
        let pool = self.pool
        var memo = [Int8](repeating: -1, count: pool.count)
        return { id in
            let k = Int(id)
            if memo[k] >= 0 { return memo[k] == 1 }
            let verdict = test(pool[id])
            memo[k] = verdict ? 1 : 0
            return verdict
        }
    }

    func generic(_ e: BoundExpr) -> Predicate {
        switch e {
        case .binary(let op, let a, let b):
            let fa = row(a), fb = row(b)
            switch op {
            case "contains": return { r throws(QueryError) in ValueOps.contains(try fa(r), try fb(r)) }
            case "like": return { r throws(QueryError) in ValueOps.like(try fa(r), try fb(r)) }
            default: return { r throws(QueryError) in ValueOps.compare(op, try fa(r), try fb(r)) }
            }
        case .regex(let a, let pattern, let negated, let range):
            let fa = row(a)
            return { [cancellation] r throws(QueryError) in
                let matched = try Self.regexMatch(pattern, try fa(r), at: range, cancellation)
                return negated ? matched.map { !$0 } : matched
            }
        case .quantity(let op, .column(let i), .column(let j), let value, let baseUnit)
            where table.columns[i].spec.type == .number && table.columns[j].spec.type == .text:
            return quantityOverColumns(op, table.columns[i].doubles, table.columns[j].texts, value, baseUnit)
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
                return ValueOps.test(op, base.value < value ? -1 : (base.value > value ? 1 : 0))
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
                let hit = ValueOps.any(try fs.map { f throws(QueryError) in try f(r) }) { ValueOps.compare("=", v, $0) }
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

    // MARK: group expressions

    /// Whether `e` aggregates, looking through aliases of select items.
    func needsGroup(_ e: BoundExpr) -> Bool {
        switch e {
        case .outputColumn(let i): return needsGroup(outputs[i])
        case .aggregate: return true
        case .column, .documentColumn, .constant: return false
        case .unary(_, let a), .negate(let a, _), .regex(let a, _, _, _), .quantity(_, let a, _, _, _), .isNull(let a, _):
            return needsGroup(a)
        case .binary(_, let a, let b), .arithmetic(_, let a, let b, _): return needsGroup(a) || needsGroup(b)
        case .between(let a, let b, let c, _): return needsGroup(a) || needsGroup(b) || needsGroup(c)
        case .inList(let a, let list, _): return needsGroup(a) || list.contains(where: needsGroup)
        case .scalarCall(_, let args, _): return args.contains(where: needsGroup)
        }
    }

    /// `count`, `sum`, `avg`, `min`, `max` straight over an unboxed column, and `count(distinct)`
    /// over interned ids: a million-row group without a million boxed values.
    func columnAggregate(_ name: String, _ arg: BoundExpr, distinct: Bool) -> GroupFn? {
        guard case .column(let i) = arg else { return nil }
        let column = table.columns[i]
        switch (column.spec.type, name, distinct) {
        case (.text, "count", _), (.date, "count", _):
            let ids = column.texts
            if !distinct { return { rows in .int(rows.reduce(0) { $0 + (ids[$1] < 0 ? 0 : 1) }) } }
            let size = pool.count
            return { rows in
                var seen = [Bool](repeating: false, count: size)
                var n = 0
                for r in rows where ids[r] >= 0 && !seen[Int(ids[r])] {
                    seen[Int(ids[r])] = true
                    n += 1
                }
                return .int(n)
            }
        case (.number, "count", false), (.number, "sum", false), (.number, "avg", false), (.number, "min", false), (.number, "max", false):
            let xs = column.doubles
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
                switch name {
                case "count": return .int(n)
                case "sum": return n == 0 ? .null : .double(sum)
                case "avg": return n == 0 ? .null : .double(sum / Double(n))
                case "min": return n == 0 ? .null : .double(lo)
                default: return n == 0 ? .null : .double(hi)
                }
            }
        default:
            return nil
        }
    }

    /// An amount compared with a number column whose unit is another column: each distinct unit
    /// is converted once, then rows compare doubles.
    func quantityOverColumns(_ op: String, _ values: [Double], _ units: [Int32], _ target: Double, _ baseUnit: String) -> Predicate {
        // Factor into the base unit per unit id (slot 0 for a missing unit), worked out the first
        // time the id is met; NaN means another base unit, infinity not yet known.
        var factors = [Double](repeating: .infinity, count: pool.count + 1)
        let pool = self.pool
        func factor(_ id: Int32) -> Double {
            let slot = Int(id) + 1
            if factors[slot] != .infinity { return factors[slot] }
            let (base, f) = id < 0 ? ("", 1) : Units.base(of: pool[id])
            factors[slot] = base == baseUnit ? f : .nan
            return factors[slot]
        }
        let tolerance = 1e-9 * Swift.max(1, abs(target))
        let test = ValueOps.tester(op)
        return { r in
            let v = values[r]
            if v.isNaN { return nil }
            let factor = factor(units[r])
            if factor.isNaN { return false }
            let x = v * factor
            return test(abs(x - target) <= tolerance ? 0 : (x < target ? -1 : 1))
        }
    }

    func group(_ e: BoundExpr) -> GroupFn {
        switch e {
        case .aggregate(let name, let arg, let distinct, let range):
            guard let arg else { return { rows in .int(rows.count) } }
            if let fast = columnAggregate(name, arg, distinct: distinct) { return fast }
            let f = row(arg)
            return { rows throws(QueryError) in try Functions.aggregate(name, rows.map(f), distinct: distinct, at: range) }
        case .outputColumn(let i):
            return group(outputs[i])
        case _ where !needsGroup(e):
            let f = row(e)
            return { rows throws(QueryError) in try rows.first.map(f) ?? .null }
        case .unary(_, let a):
            let g = group(a)
            return { rows throws(QueryError) in ValueOps.bool(ValueOps.truth(try g(rows)).map { !$0 }) }
        case .negate(let a, let range):
            let g = group(a)
            return { rows throws(QueryError) in try ValueOps.negate(g(rows), at: range) }
        case .arithmetic(let op, let a, let b, let range):
            let ga = group(a), gb = group(b)
            return { rows throws(QueryError) in try ValueOps.arithmetic(op, ga(rows), gb(rows), at: range) }
        case .binary(let op, let a, let b):
            let ga = group(a), gb = group(b)
            switch op {
            case "and": return { rows throws(QueryError) in
                let x = ValueOps.truth(try ga(rows)), y = ValueOps.truth(try gb(rows))
                return x == false || y == false ? .int(0) : (x == nil || y == nil ? .null : .int(1)) }
            case "or": return { rows throws(QueryError) in
                let x = ValueOps.truth(try ga(rows)), y = ValueOps.truth(try gb(rows))
                return x == true || y == true ? .int(1) : (x == nil || y == nil ? .null : .int(0)) }
            case "contains": return { rows throws(QueryError) in ValueOps.bool(ValueOps.contains(try ga(rows), try gb(rows))) }
            case "like": return { rows throws(QueryError) in ValueOps.bool(ValueOps.like(try ga(rows), try gb(rows))) }
            default: return { rows throws(QueryError) in ValueOps.bool(ValueOps.compare(op, try ga(rows), try gb(rows))) }
            }
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
                let hit = ValueOps.any(try gs.map { g throws(QueryError) in try g(rows) }) { ValueOps.compare("=", v, $0) }
                return ValueOps.bool(negated ? hit.map { !$0 } : hit)
            }
        case .isNull(let x, let negated):
            let gx = group(x)
            return { rows throws(QueryError) in .int((try gx(rows).isNull != negated) ? 1 : 0) }
        case .scalarCall(let name, let args, let range):
            let gs = args.map(group)
            return { rows throws(QueryError) in try Functions.scalar(name, gs.map { g throws(QueryError) in try g(rows) }, at: range) }
        default:
            return { _ in .null }
        }
    }
}

/// The built-in functions.
enum Functions {
    static func aggregate(_ name: String, _ values: [Value], distinct: Bool, at range: SourceRange) throws(QueryError) -> Value {
        var vals = values.filter { !$0.isNull }
        if distinct {
            var seen = Set<Value>()
            vals = vals.filter { seen.insert($0).inserted }
        }
        switch name {
        case "count": return .int(vals.count)
        case "sum":
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
        case "avg":
            let nums = vals.compactMap(\.number)
            return nums.isEmpty ? .null : .double(nums.reduce(0, +) / Double(nums.count))
        case "min": return vals.min { ValueOps.order($0, $1) < 0 } ?? .null
        case "max": return vals.max { ValueOps.order($0, $1) < 0 } ?? .null
        default: return .null
        }
    }

    static func scalar(_ name: String, _ args: [Value], at range: SourceRange) throws(QueryError) -> Value {
        switch name {
        case "length": return args[0].isNull ? .null : .int(args[0].displayText.count)
        case "lower": return args[0].isNull ? .null : .text(args[0].displayText.lowercased())
        case "upper": return args[0].isNull ? .null : .text(args[0].displayText.uppercased())
        case "abs":
            if case .int(let i) = args[0] {
                if i == Int.min { throw ValueOps.overflowError("abs(\(i))", at: range) }
                return .int(abs(i))
            }
            return args[0].number.map { .double(abs($0)) } ?? .null
        case "round":
            guard let x = args[0].number else { return .null }
            let digits = args.count > 1 ? Int(args[1].number ?? 0) : 0
            let p = pow(10.0, Double(digits))
            return .double((x * p).rounded(.toNearestOrAwayFromZero) / p)
        case "coalesce", "ifnull": return args.first { !$0.isNull } ?? .null
        default: return .null
        }
    }
}
