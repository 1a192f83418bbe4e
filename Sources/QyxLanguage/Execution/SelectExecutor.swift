import QyxModel
import QyxStorage

/// `select …` in phases, each an operator over a row set: bind → filter → group → having →
/// order → project → distinct → limit. A new kind of clause is a new operator in Operators/.
struct SelectExecutor {
    let execution: StatementRun
    let statement: SelectStatement

    func run() throws(QueryError) -> ResultSet {
        let plan = try SelectPlan(statement, in: execution)
        let evaluator = execution.evaluator(for: plan.table, outputs: plan.items.map(\.expr))
        let at = plan.location
        var rows = try Filter(condition: plan.filter).apply(plan.table, evaluator, execution, at: at)
        if plan.grouped { rows = try group(rows, plan, evaluator) }
        rows = try Sort(keys: plan.order).apply(rows, evaluator, execution, at: at)
        // Project only what limit and offset keep, unless distinct must see every row.
        var windowed = false
        if !plan.distinct, case .rows(let kept) = rows {
            rows = .rows(plan.window.apply(kept))
            windowed = true
        }
        var output = try Project(items: plan.items.map(\.expr)).apply(rows, plan.table, evaluator, execution, at: at)
        if plan.distinct { output = try Distinct().apply(output, execution, at: at) }
        if !windowed { output = plan.window.apply(output) }
        return ResultSet(columns: plan.columns, rows: output.rows, sources: output.sources)
    }

    /// `group by` and `having`.
    private func group(_ input: RowSet, _ plan: SelectPlan, _ evaluator: Evaluator) throws(QueryError) -> RowSet {
        guard case .rows(let rows) = input else { return input }
        var groups = try Aggregate(keys: plan.groupKeys).apply(rows, evaluator, execution, at: plan.location)
        if let having = plan.having {
            groups = try GroupFilter(condition: having).apply(groups, evaluator, execution, at: plan.location)
        }
        return .groups(groups)
    }
}
