import Foundation
import QyxModel
import QyxStorage
import QyxText

/// The fast paths of the common conditions, a column against a constant: closures that read
/// unboxed columns and interned ids directly, with no `Value` per row. Each returns nil when the
/// column's storage does not fit, and the caller falls back to the generic path.
extension Evaluator {
    /// `column op constant`.
    func columnComparison(_ op: ComparisonOperator, _ i: Int, _ c: Value) -> Predicate? {
        switch reader.cells(of: i) {
        case .ints(let ints):
            guard let k = c.number else { return nil }
            return { r in
                let v = ints[r]
                if v == Column.nullInt { return nil }
                let d = Double(v)
                return op.holds(d < k ? -1 : (d > k ? 1 : 0))
            }
        case .doubles(let doubles):
            guard let k = c.number else { return nil }
            return { r in
                let d = doubles[r]
                if d.isNaN { return nil }
                return op.holds(d < k ? -1 : (d > k ? 1 : 0))
            }
        case .texts(let texts):
            guard case .text(let s) = c else { return nil }
            if op.isEquality {
                let id = reader.pool.id(of: s) ?? -2
                let equal = op == .equal
                return { r in
                    let v = texts[r]
                    if v < 0 { return nil }
                    return (v == id) == equal
                }
            }
            // Ordering compares each distinct string once.
            let verdicts = TextVerdicts(reader.pool) { op.holds(ValueOps.compareText($0, s)) }
            return { r in
                let v = texts[r]
                return v < 0 ? nil : verdicts.verdict(v)
            }
        case .values:
            return nil
        }
    }

    /// `contains` / `like` on a text column, decided once per distinct string.
    func columnTextMatch(_ op: PatternOperator, _ i: Int, _ c: Value) -> Predicate? {
        guard case .texts(let texts) = reader.cells(of: i), !c.isNull else { return nil }
        let needle = c.displayText
        let verdicts: TextVerdicts
        switch op {
        case .contains: verdicts = TextVerdicts(reader.pool) { needle.isEmpty || $0.contains(needle) }
        case .like:
            let like = LikePattern(needle)
            verdicts = TextVerdicts(reader.pool) { like.matches($0) }
        case .matches, .notMatches: return nil
        }
        return { r in
            let v = texts[r]
            return v < 0 ? nil : verdicts.verdict(v)
        }
    }

    /// An amount compared with a number column whose unit is another column: each distinct unit
    /// is converted once, then rows compare doubles.
    func columnQuantity(_ op: ComparisonOperator, _ i: Int, unitColumn j: Int, _ target: Double, _ baseUnit: String) -> Predicate? {
        guard case .doubles(let values) = reader.cells(of: i), case .texts(let units) = reader.cells(of: j),
              reader.type(of: j) == .text else { return nil }
        let factors = UnitFactors(reader.pool, baseUnit: baseUnit)
        let tolerance = 1e-9 * Swift.max(1, abs(target))
        return { r in
            let v = values[r]
            if v.isNaN { return nil }
            let factor = factors.factor(units[r])
            if factor.isNaN { return false }
            let x = v * factor
            return op.holds(abs(x - target) <= tolerance ? 0 : (x < target ? -1 : 1))
        }
    }
}
