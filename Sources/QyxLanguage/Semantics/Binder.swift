import Foundation
import QyxModel
import QyxStorage

/// Resolves names and checks types: a field must exist in the entity, a bare word is a value,
/// a domain may be named by its alias, and comparisons must compare like with like.
struct Binder<Catalog: Schema> {
    let schema: Catalog
    let entity: Catalog.Entity
    let parameters: [String: Value]
    /// Select-list aliases visible in `having` and `order by`.
    var aliases: [String: (index: Int, type: ValueType)] = [:]
    var allowAggregates = false

    init(schema: Catalog, entity: Catalog.Entity, parameters: [String: Value]) {
        self.schema = schema
        self.entity = entity
        self.parameters = parameters
    }

    func bind(_ e: Expr) throws(QueryError) -> Typed {
        switch e {
        case .field(let path, let range): return try field(path, range)
        case .word(let w, _): return Typed(expr: .constant(.text(w)), type: .text)
        case .string(let s, _): return Typed(expr: .constant(.text(s)), type: .text)
        case .number(let v, let integer, _):
            if let i = integer { return Typed(expr: .constant(.int(i)), type: .int) }
            return Typed(expr: .constant(.double(v)), type: .number)
        case .date(let d, _): return Typed(expr: .constant(.date(d)), type: .date)
        case .null: return Typed(expr: .constant(.null), type: .null)
        case .boolean(let b, _): return Typed(expr: .constant(.int(b ? 1 : 0)), type: .bool)
        case .quantity(_, let unit, let range):
            throw QueryError("an amount with a unit (… \(unit)) can only be compared with a numeric field", at: range)
        case .parameter(let name, let range):
            guard let v = parameters[name] else {
                throw QueryError("parameter $\(name) is not set", at: range, hint: "pass --param \(name)=VALUE")
            }
            return Typed(expr: .constant(v), type: Self.type(of: v))
        case .unary(let op, let operand, let range):
            let t = try bind(operand)
            if op == .not { return Typed(expr: .not(t.expr), type: .bool) }
            guard t.type.isNumeric || t.type == .null else {
                throw QueryError("'-' needs a number, but this is \(t.type.spoken)", at: range)
            }
            return Typed(expr: .negate(t.expr, range), type: t.type)
        case .binary(let op, let l, let r, let range): return try binary(op, l, r, range)
        case .between(let x, let lo, let hi, let negated, let range):
            let tx = try bind(x), tl = try bind(lo), th = try bind(hi)
            try checkComparable(tx, tl, x, lo, range)
            try checkComparable(tx, th, x, hi, range)
            let low = try normalizeDomain(tl, against: x), high = try normalizeDomain(th, against: x)
            return Typed(expr: .between(tx.expr, low.expr, high.expr, negated: negated), type: .bool)
        case .inList(let x, let items, let negated, let range):
            let tx = try bind(x)
            var bound: [BoundExpr] = []
            for item in items {
                let ti = try normalizeDomain(bindValue(item, comparedWith: tx), against: x, range: item.range)
                try checkComparable(tx, ti, x, item, range)
                bound.append(ti.expr)
            }
            return Typed(expr: .inList(tx.expr, bound, negated: negated), type: .bool)
        case .isNull(let x, let negated, _):
            return Typed(expr: .isNull(try bind(x).expr, negated: negated), type: .bool)
        case .call(let name, let args, let star, let distinct, let range):
            return try call(name, args, star: star, distinct: distinct, range)
        }
    }

    /// The right side of a comparison with text: an ASCII word that names no field is a value
    /// (`kind = baseline`), while a misspelt field on the left stays an error.
    func bindValue(_ e: Expr, comparedWith left: Typed) throws(QueryError) -> Typed {
        if case .field(let path, _) = e, path.count == 1, left.type.isTextual || left.type == .list,
           entity.index(of: path[0].lowercased()) == nil, aliases[path[0]] == nil, Domain.named(path[0]) == nil {
            return Typed(expr: .constant(.text(path[0])), type: .text)
        }
        return try bind(e)
    }

    static func type(of v: Value) -> ValueType {
        switch v {
        case .null: return .null
        case .int: return .int
        case .double: return .number
        case .text: return .text
        case .date: return .date
        case .list: return .list
        case .record: return .record
        }
    }

    func field(_ path: [String], _ range: SourceRange) throws(QueryError) -> Typed {
        if path.count == 2 {
            guard path[0].lowercased() == "document" || path[0].lowercased() == "documents" else {
                throw QueryError("unknown prefix '\(path[0])'; only document.FIELD reaches another entity", at: range,
                                 hint: "did you mean document.\(path[1])?")
            }
            let docs = schema.documents
            guard let i = docs.index(of: path[1].lowercased()) else {
                let hint = Suggest.closest(path[1], among: docs.fields.map(\.name)).map { "did you mean document.\($0)?" }
                throw QueryError("documents have no field '\(path[1])'", at: range, hint: hint)
            }
            return Typed(expr: .documentColumn(i), type: ValueType(docs.fields[i].type))
        }
        let name = path[0]
        if let alias = aliases[name] ?? aliases[name.lowercased()] {
            return Typed(expr: .outputColumn(alias.index), type: alias.type)
        }
        if let i = entity.index(of: name.lowercased()) {
            return Typed(expr: .column(i), type: ValueType(entity.fields[i].type))
        }
        // A domain's English alias is a value wherever a domain is named.
        if let domain = Domain.named(name) { return Typed(expr: .constant(.text(domain.name)), type: .text) }
        let candidates = entity.fields.map(\.name) + Array(aliases.keys)
        let hint = Suggest.closest(name, among: candidates).map { "did you mean \($0)?" }
        throw QueryError("\(entity.name) have no field '\(name)'; fields are \(entity.fields.map(\.name).joined(separator: ", "))",
                         at: range, hint: hint)
    }

    /// A domain compared with a word is checked against the domains and their aliases.
    func normalizeDomain(_ t: Typed, against other: Expr, range: SourceRange? = nil) throws(QueryError) -> Typed {
        guard case .field(let path, _) = other, path.last?.lowercased() == "domain",
              case .constant(.text(let word)) = t.expr else { return t }
        if let d = Domain.named(word) { return Typed(expr: .constant(.text(d.name)), type: .text) }
        let names = Domain.all.flatMap { [$0.name, $0.alias] }
        let hint = Suggest.closest(word, among: names).map { "did you mean \(Domain.named($0)?.name ?? $0)?" }
        throw QueryError("unknown domain '\(word)'; domains are \(Domain.all.map(\.name).joined(separator: " "))",
                         at: range ?? t.range(default: other.range), hint: hint)
    }

    func checkComparable(_ a: Typed, _ b: Typed, _ ea: Expr, _ eb: Expr, _ range: SourceRange) throws(QueryError) {
        if a.type == .null || b.type == .null { return }
        if a.type.isNumeric && b.type.isNumeric { return }
        if (a.type.isTextual || a.type == .list) && (b.type.isTextual || b.type == .list) { return }
        let describe = { (e: Expr, t: Typed) -> String in
            switch e {
            case .field(let p, _): return "\(p.joined(separator: ".")) is \(t.type.spoken)"
            case .word(let w, _), .string(let w, _): return "\(w) is \(t.type.spoken)"
            default: return "the other side is \(t.type.spoken)"
            }
        }
        var hint: String?
        if case .word(let w, _) = eb, let d = Domain.named(w) { hint = "did you mean domain = \(d.name)?" }
        throw QueryError("type mismatch: \(describe(ea, a)) but \(describe(eb, b))", at: range, hint: hint)
    }

    func binary(_ op: BinaryOperator, _ l: Expr, _ r: Expr, _ range: SourceRange) throws(QueryError) -> Typed {
        switch op {
        case .logical(let logical):
            return Typed(expr: .logical(logical, try bind(l).expr, try bind(r).expr), type: .bool)
        case .arithmetic(let arithmetic):
            let a = try bind(l), b = try bind(r)
            for (t, e) in [(a, l), (b, r)] where !(t.type.isNumeric || t.type == .null) {
                throw QueryError("'\(op.text)' needs numbers, but \(exprName(e)) is \(t.type.spoken)", at: e.range)
            }
            let type: ValueType = (a.type == .int && b.type == .int && arithmetic != .divide) ? .int : .number
            return Typed(expr: .arithmetic(arithmetic, a.expr, b.expr, range), type: type)
        case .pattern(let regexOperator) where regexOperator.isRegex:
            let a = try bind(l)
            guard a.type.isTextual || a.type == .list else {
                throw QueryError("'~' matches text, but \(exprName(l)) is \(a.type.spoken)", at: l.range)
            }
            let pattern: String
            switch r {
            case .string(let s, _), .word(let s, _): pattern = s
            case .parameter:
                guard case .constant(.text(let s)) = try bind(r).expr else { fallthrough }
                pattern = s
            default: throw QueryError("'~' needs a regular expression in quotes", at: r.range)
            }
            if pattern.count > Pattern.maximumLength {
                throw QueryError("regular expression of \(pattern.count) characters; the limit is \(Pattern.maximumLength)",
                                 at: r.range, hint: "split it into several ~ conditions joined by or")
            }
            guard let regex = Pattern(pattern) else { throw QueryError("invalid regular expression \"\(pattern)\"", at: r.range) }
            return Typed(expr: .regex(a.expr, regex, negated: regexOperator == .notMatches, range), type: .bool)
        case .pattern(let pattern):
            let a = try bind(l), b = try bind(r)
            guard (a.type.isTextual || a.type == .list || a.type == .null) && (b.type.isTextual || b.type == .null) else {
                let bad = (a.type.isTextual || a.type == .list) ? (r, b) : (l, a)
                throw QueryError("'\(op.text)' works on text, but \(exprName(bad.0)) is \(bad.1.type.spoken)", at: bad.0.range)
            }
            return Typed(expr: .textMatch(pattern, a.expr, b.expr), type: .bool)
        case .comparison(let op):
            // An amount with a unit compares in base units.
            if case .quantity(let v, let unit, let qRange) = r { return try quantity(op, l, v, unit, qRange, range) }
            if case .quantity(let v, let unit, let qRange) = l { return try quantity(op.flipped, r, v, unit, qRange, range) }
            let a = try normalizeDomain(bind(l), against: r, range: l.range)
            let b = try normalizeDomain(bindValue(r, comparedWith: a), against: l, range: r.range)
            try checkComparable(a, b, l, r, range)
            if a.type == .null || b.type == .null {
                throw QueryError("'\(op.rawValue) null' is never true; write 'is null' or 'is not null'", at: range)
            }
            if a.type == .list || b.type == .list, !op.isEquality {
                throw QueryError("'\(op.rawValue)' cannot order a list; use = or contains", at: range)
            }
            return Typed(expr: .comparison(op, a.expr, b.expr), type: .bool)
        }
    }

    func quantity(_ op: ComparisonOperator, _ fieldExpr: Expr, _ value: Double, _ unit: String, _ qRange: SourceRange,
                  _ range: SourceRange) throws(QueryError) -> Typed {
        let f = try bind(fieldExpr)
        guard case .column(let i) = f.expr, f.type.isNumeric, let source = entity.fields[i].unit else {
            throw QueryError("\(Value.format(value)) \(unit) is an amount with a unit; compare it with a field that has units (value, base_value, investment)",
                             at: qRange)
        }
        let unitRef: UnitRef
        switch source {
        case .fixed(let u): unitRef = .fixed(u)
        case .field(let name):
            guard let j = entity.index(of: name) else { throw QueryError("no unit field \(name)", at: range) }
            unitRef = .column(j)
        }
        let base = Units.normalize(value, unit: unit)
        return Typed(expr: .quantity(op: op, f.expr, unit: unitRef, value: base.value, baseUnit: base.unit ?? unit), type: .bool)
    }

    func call(_ name: String, _ args: [Expr], star: Bool, distinct: Bool, _ range: SourceRange) throws(QueryError) -> Typed {
        if let aggregate = AggregateFunction(rawValue: name) {
            guard allowAggregates else {
                throw QueryError("\(name)() is an aggregate; it cannot be used in where (use having)", at: range)
            }
            if star {
                guard aggregate == .count else { throw QueryError("only count(*) takes *", at: range) }
                return Typed(expr: .aggregate(.count, nil, distinct: false, range), type: .int)
            }
            guard args.count == 1 else { throw QueryError("\(name)() takes one argument", at: range) }
            var inner = self
            inner.allowAggregates = false
            let arg = try inner.bind(args[0])
            if (aggregate == .sum || aggregate == .avg) && !(arg.type.isNumeric || arg.type == .null) {
                throw QueryError("\(name)() needs numbers, but \(exprName(args[0])) is \(arg.type.spoken)", at: args[0].range)
            }
            let type: ValueType
            switch aggregate {
            case .count: type = .int
            case .avg: type = .number
            case .sum: type = arg.type == .int ? .int : .number
            case .min, .max: type = arg.type
            }
            return Typed(expr: .aggregate(aggregate, arg.expr, distinct: distinct, range), type: type)
        }
        guard let function = ScalarFunction(rawValue: name) else {
            let names = AggregateFunction.allCases.map(\.rawValue) + ScalarFunction.allCases.map(\.rawValue)
            let hint = Suggest.closest(name, among: names).map { "did you mean \($0)?" }
            throw QueryError("unknown function \(name)()", at: range, hint: hint)
        }
        let arity = function.arity
        guard arity.contains(args.count) else {
            throw QueryError("\(name)() takes \(arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)") argument(s)", at: range)
        }
        var bound: [Typed] = []
        for a in args { bound.append(try bind(a)) }
        let type: ValueType
        switch function {
        case .length: type = .int
        case .lower, .upper, .substr, .replace: type = .text
        case .nullif: type = bound[0].type
        case .abs: type = bound[0].type == .int ? .int : .number
        case .round: type = .number
        case .coalesce, .ifnull: type = bound.first { $0.type != .null }?.type ?? .null
        }
        return Typed(expr: .scalarCall(function, bound.map(\.expr), range), type: type)
    }

    func exprName(_ e: Expr) -> String {
        switch e {
        case .field(let p, _): return p.joined(separator: ".")
        case .word(let w, _), .string(let w, _): return w
        default: return "this"
        }
    }
}

extension Typed {
    func range(default r: SourceRange) -> SourceRange { r }
}
