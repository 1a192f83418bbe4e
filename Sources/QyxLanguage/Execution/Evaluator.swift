import Foundation
import QyxModel
import QyxText
import QyxStorage

/// Compiles bound expressions into closures over row numbers of a columnar table, once per
/// statement. Row expressions are here; predicates and their column fast paths, aggregates,
/// functions and the per-statement caches each have their own file.
struct Evaluator {
    // Throwing: integer overflow, a regular expression out of steps, or the statement's time
    // limit stops evaluation with a located error.
    typealias RowFn = (Int) throws(QueryError) -> Value
    typealias Predicate = (Int) throws(QueryError) -> Bool?
    typealias GroupFn = ([Int]) throws(QueryError) -> Value

    let reader: TableReader
    let cancellation: Cancellation
    /// Select items, so that an alias in `order by` or `having` reads the item.
    let outputs: [BoundExpr]

    init(reader: TableReader, cancellation: Cancellation, outputs: [BoundExpr] = []) {
        self.reader = reader
        self.cancellation = cancellation
        self.outputs = outputs
    }

    func row(_ e: BoundExpr) -> RowFn {
        switch e {
        case .column(let i):
            return reader.values(of: i)
        case .documentColumn(let i):
            return reader.documentValues(of: i)
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
        case .scalarCall(let function, let args, let range):
            let fs = args.map(row)
            return { r throws(QueryError) in try function.apply(fs.map { f throws(QueryError) in try f(r) }, at: range) }
        case .aggregate:
            // Outside a group an aggregate has no rows; the grouped path never comes here.
            return { _ in .null }
        case .not, .comparison, .logical, .textMatch, .regex, .quantity, .between, .inList, .isNull:
            let p = predicate(e)
            return { r throws(QueryError) in ValueOps.bool(try p(r)) }
        }
    }
}
