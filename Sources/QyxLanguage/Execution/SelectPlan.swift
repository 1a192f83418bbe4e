import QyxModel
import QyxStorage
import QyxText

/// A select statement bound against its entity: the select list, filter, grouping, having,
/// order and window, all resolved and checked before any row is read.
struct SelectPlan {
    let table: Table
    /// Column names and bound items of the select list; `select ENTITY` and `*` mean every field.
    private(set) var names: [String] = []
    private(set) var items: [Typed] = []
    private(set) var filter: BoundExpr?
    /// With `group by`, or an aggregate in the select list.
    private(set) var grouped = false
    private(set) var groupKeys: [BoundExpr] = []
    private(set) var having: BoundExpr?
    private(set) var order: [SortKey] = []
    private(set) var window = Window(limit: nil, offset: 0)
    let distinct: Bool
    /// Where stop requests during the run are reported: the entity name.
    let location: SourceRange

    init(_ s: SelectStatement, in run: StatementRun) throws(QueryError) {
        table = try run.database.resolve(s.entity)
        distinct = s.distinct
        location = s.entity.range
        var binder = run.binder(for: table)
        try bindItems(s, &binder)
        filter = try s.filter.map { e throws(QueryError) in try Self.rowLevel(binder).bind(e).expr }
        grouped = !s.groupBy.isEmpty || items.contains { $0.expr.containsAggregate }
        // Aliases are visible in group by, having and order by; a field's own name stays the
        // field unless the rows are grouped.
        for (i, name) in names.enumerated() where table.index(of: name) == nil || grouped {
            binder.aliases[name] = (i, items[i].type)
        }
        binder.allowAggregates = grouped
        let keyBinder = Self.rowLevel(binder)
        for e in s.groupBy { groupKeys.append(try keyBinder.bind(e).expr) }
        if let having = s.having, !grouped {
            throw QueryError("having needs group by or an aggregate in the select list", at: having.range)
        }
        having = try s.having.map { e throws(QueryError) in try binder.bind(e).expr }
        try bindOrder(s.orderBy, binder)
        window = Window(limit: try Self.count(s.limit, binder, "limit"), offset: try Self.count(s.offset, binder, "offset") ?? 0)
    }

    var columns: [ResultColumn] { zip(names, items).map { ResultColumn(name: $0, type: $1.type) } }

    private mutating func bindItems(_ s: SelectStatement, _ binder: inout Binder<Database>) throws(QueryError) {
        if s.items.isEmpty { addAllFields() }
        binder.allowAggregates = true
        for item in s.items {
            if case .field(let p, _) = item.expr, p == ["*"] { addAllFields(); continue }
            items.append(try binder.bind(item.expr))
            names.append(item.alias ?? item.text)
        }
    }

    private mutating func addAllFields() {
        for (i, f) in table.fields.enumerated() {
            names.append(f.name)
            items.append(Typed(expr: .column(i), type: ValueType(f.type)))
        }
    }

    private mutating func bindOrder(_ orderBy: [OrderItem], _ binder: Binder<Database>) throws(QueryError) {
        for o in orderBy {
            // `order by 2` means the second column, as in SQL.
            if case .number(_, let i?, let range) = o.expr {
                guard i >= 1, i <= items.count else {
                    throw QueryError("order by \(i): there are \(items.count) columns", at: range)
                }
                order.append(SortKey(expr: .outputColumn(i - 1), descending: o.descending))
                continue
            }
            order.append(SortKey(expr: try binder.bind(o.expr).expr, descending: o.descending))
        }
    }

    /// `binder` for expressions of one row (where, group by), which may not aggregate.
    private static func rowLevel(_ binder: Binder<Database>) -> Binder<Database> {
        var rowBinder = binder
        rowBinder.allowAggregates = false
        return rowBinder
    }

    private static func count(_ e: Expr?, _ binder: Binder<Database>, _ what: String) throws(QueryError) -> Int? {
        guard let e else { return nil }
        guard case .constant(let v) = try binder.bind(e).expr, case .int(let n) = v, n >= 0 else {
            throw QueryError("\(what) needs a whole number of rows", at: e.range)
        }
        return n
    }
}
