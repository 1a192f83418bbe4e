import QyxModel
import QyxStorage

/// `select …`: filter, group, aggregate, order, project, distinct, offset and limit.
struct SelectExecutor {
    let engine: Engine
    let statement: SelectStatement

    func run() throws(QueryError) -> ResultSet {
        let s = statement
        let database = engine.database
        let table = try Binder.entity(s.entity, in: database)
        var binder = Binder(database: database, table: table, parameters: engine.parameters)

        // The select list; `select ENTITY` and `*` mean every field.
        var names: [String] = []
        var items: [Typed] = []
        func allFields() {
            for (i, f) in table.fields.enumerated() {
                names.append(f.name)
                items.append(Typed(expr: .column(i), type: ValueType(f.type)))
            }
        }
        if s.items.isEmpty { allFields() }
        binder.allowAggregates = true
        for item in s.items {
            if case .field(let p, _) = item.expr, p == ["*"] { allFields(); continue }
            items.append(try binder.bind(item.expr))
            names.append(item.alias ?? item.text)
        }
        let filter: BoundExpr?
        do {
            var rowBinder = binder
            rowBinder.allowAggregates = false
            filter = try s.filter.map { e throws(QueryError) in try rowBinder.bind(e).expr }
        }
        let grouped = !s.groupBy.isEmpty || items.contains { $0.expr.containsAggregate }
        for (i, name) in names.enumerated() where binder.table.index(of: name) == nil || grouped {
            binder.aliases[name] = (i, items[i].type)
        }
        binder.allowAggregates = grouped
        var groupKeys: [BoundExpr] = []
        do {
            var keyBinder = binder
            keyBinder.allowAggregates = false
            for e in s.groupBy { groupKeys.append(try keyBinder.bind(e).expr) }
        }
        if let having = s.having, !grouped {
            throw QueryError("having needs group by or an aggregate in the select list", at: having.range)
        }
        let having = try s.having.map { e throws(QueryError) in try binder.bind(e).expr }
        var order: [(BoundExpr, Bool)] = []
        for o in s.orderBy {
            // `order by 2` means the second column, as in SQL.
            if case .number(_, let i?, let range) = o.expr {
                guard i >= 1, i <= items.count else {
                    throw QueryError("order by \(i): there are \(items.count) columns", at: range)
                }
                order.append((.outputColumn(i - 1), o.descending))
                continue
            }
            order.append((try binder.bind(o.expr).expr, o.descending))
        }
        let limit = try count(s.limit, binder, "limit")
        let offset = try count(s.offset, binder, "offset") ?? 0

        let evaluator = Evaluator(database: database, table: table, cancellation: engine.cancellation)
        evaluator.outputs = items.map(\.expr)
        let at = s.entity.range
        var rows: [Int]
        if let filter {
            let p = evaluator.predicate(filter)
            rows = try engine.scan(table.count, at: at) { r throws(QueryError) in try p(r) == true }
        } else {
            rows = Array(0..<table.count)
        }

        var output: [[Value]]
        var sources: [[Provenance]]?
        let columns = zip(names, items).map { ResultColumn(name: $0, type: $1.type) }
        if grouped {
            var groups: [[Int]]
            if groupKeys.isEmpty {
                groups = [rows]
            } else {
                var keys: [[Value]] = []
                (groups, keys) = try group(rows, by: groupKeys, table: table, evaluator: evaluator, at: at)
                // Without order by, groups come out in key order, as SQLite gives them.
                let keyed = try stableSort(Array(zip(groups, keys)), descending: keys.first.map { $0.map { _ in false } } ?? [], engine, at: at)
                groups = keyed.map(\.0)
            }
            if let having {
                let h = evaluator.group(having)
                groups = try engine.map(groups, at: at) { g throws(QueryError) in ValueOps.truth(try h(g)) == true ? g : nil }.compactMap { $0 }
            }
            if !order.isEmpty {
                let keyFns = order.map { (evaluator.group($0.0), $0.1) }
                let keyed = try engine.map(groups, at: at) { g throws(QueryError) in (g, try keyFns.map { k throws(QueryError) in try k.0(g) }) }
                groups = try stableSort(keyed, descending: order.map(\.1), engine, at: at).map(\.0)
            }
            let itemFns = items.map { evaluator.group($0.expr) }
            output = try engine.map(groups, at: at) { g throws(QueryError) in try itemFns.map { f throws(QueryError) in try f(g) } }
            if engine.tracksProvenance { sources = groups.compactMap { engine.provenance(table, $0) } }
        } else {
            if !order.isEmpty {
                let keyFns = order.map { (evaluator.row($0.0), $0.1) }
                let keyed = try engine.map(rows, at: at) { r throws(QueryError) in (r, try keyFns.map { k throws(QueryError) in try k.0(r) }) }
                rows = try stableSort(keyed, descending: order.map(\.1), engine, at: at).map(\.0)
            }
            let itemFns = items.map { evaluator.row($0.expr) }
            // Project only what limit and offset keep, unless distinct must see every row.
            if !s.distinct, limit != nil || offset > 0 {
                rows = Array(rows.dropFirst(offset).prefix(limit ?? Int.max))
            }
            output = try engine.map(rows, at: at) { r throws(QueryError) in try itemFns.map { f throws(QueryError) in try f(r) } }
            sources = engine.provenance(table, rows).map { $0.map { [$0] } }
            if !s.distinct, limit != nil || offset > 0 {
                return ResultSet(columns: columns, rows: output, sources: sources)
            }
        }
        if s.distinct {
            var seen = Set<[Value]>()
            let kept = try engine.map(Array(output.indices), at: at) { i throws(QueryError) in seen.insert(output[i]).inserted ? i : nil }
                .compactMap { $0 }
            output = kept.map { output[$0] }
            sources = sources.map { all in kept.map { all[$0] } }
        }
        output = Array(output.dropFirst(offset).prefix(limit ?? Int.max))
        sources = sources.map { Array($0.dropFirst(offset).prefix(limit ?? Int.max)) }
        return ResultSet(columns: columns, rows: output, sources: sources)
    }

    /// Rows by group key, groups in first-seen order. One text column (the usual `group by domain`)
    /// groups by interned id through an array, with no per-row key allocation.
    func group(_ rows: [Int], by keys: [BoundExpr], table: Table, evaluator: Evaluator, at range: SourceRange) throws(QueryError) -> ([[Int]], [[Value]]) {
        var groups: [[Int]] = []
        var groupKeys: [[Value]] = []
        // `group by domain` with domain selected binds to the select item; look through it.
        var key = keys.first
        if case .outputColumn(let i)? = key { key = evaluator.outputs[i] }
        if keys.count == 1, case .column(let c)? = key, [.text, .date].contains(table.columns[c].spec.type) {
            let column = table.columns[c], ids = column.texts, pool = engine.database.pool
            var slot = [Int32](repeating: -1, count: pool.count + 1)
            for (n, r) in rows.enumerated() {
                if n % 1_024 == 0 { try engine.check(at: range) }
                let k = Int(ids[r]) + 1
                if slot[k] < 0 {
                    slot[k] = Int32(groups.count)
                    groups.append([r])
                    groupKeys.append([column.value(r, pool)])
                } else {
                    groups[Int(slot[k])].append(r)
                }
            }
            return (groups, groupKeys)
        }
        let keyFns = keys.map(evaluator.row)
        var index: [[Value]: Int] = [:]
        for (n, r) in rows.enumerated() {
            if n % 1_024 == 0 { try engine.check(at: range) }
            let key = try keyFns.map { f throws(QueryError) in try f(r) }
            if let g = index[key] { groups[g].append(r) } else {
                index[key] = groups.count
                groups.append([r])
                groupKeys.append(key)
            }
        }
        return (groups, groupKeys)
    }

    func count(_ e: Expr?, _ binder: Binder, _ what: String) throws(QueryError) -> Int? {
        guard let e else { return nil }
        guard case .constant(let v) = try binder.bind(e).expr, case .int(let n) = v, n >= 0 else {
            throw QueryError("\(what) needs a whole number of rows", at: e.range)
        }
        return n
    }
}

/// Sorts by keys, ties kept in their original order; nulls first ascending, last descending.
/// A sort of a million rows takes seconds, so the comparator checks `engine`'s stop request.
func stableSort<T>(_ items: [(T, [Value])], descending: [Bool], _ engine: Engine, at range: SourceRange) throws(QueryError) -> [(T, [Value])] {
    let indexed = items.enumerated().map { ($0.offset, $0.element) }
    var comparisons = 0
    do {
        return try indexed.sorted { a, b in
            comparisons += 1
            if comparisons % 4_096 == 0 { try engine.check(at: range) }
            for (i, desc) in descending.enumerated() {
                let c = ValueOps.order(a.1.1[i], b.1.1[i])
                if c != 0 { return desc ? c > 0 : c < 0 }
            }
            return a.0 < b.0
        }.map(\.1)
    } catch let error as QueryError {
        throw error
    } catch {
        fatalError("a sort comparator throws only QueryError")
    }
}
