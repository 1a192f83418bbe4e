import QyxModel
import QyxStorage
import QyxText

/// A memo of a test over the pool's strings, filled the first time each id is met: a condition
/// on a text column is decided once per distinct string, not once per row. Made per statement;
/// one statement runs on one thread.
final class TextVerdicts {
    private let pool: StringPool
    private let test: (String) -> Bool
    /// -1 not yet known, 0 false, 1 true.
    private var memo: [Int8]

    init(_ pool: StringPool, _ test: @escaping (String) -> Bool) {
        self.pool = pool
        self.test = test
        memo = [Int8](repeating: -1, count: pool.count)
    }

    func verdict(_ id: Int32) -> Bool {
        let k = Int(id)
        if memo[k] >= 0 { return memo[k] == 1 }
        let verdict = test(pool[id])
        memo[k] = verdict ? 1 : 0
        return verdict
    }
}

/// Per unit id, the factor into `baseUnit`, worked out the first time the id is met.
final class UnitFactors {
    private let pool: StringPool
    private let baseUnit: String
    /// Slot 0 is a missing unit; NaN means another base unit, infinity not yet known.
    private var factors: [Double]

    init(_ pool: StringPool, baseUnit: String) {
        self.pool = pool
        self.baseUnit = baseUnit
        factors = [Double](repeating: .infinity, count: pool.count + 1)
    }

    /// NaN when the unit converts to another base unit.
    func factor(_ id: Int32) -> Double {
        let slot = Int(id) + 1
        if factors[slot] != .infinity { return factors[slot] }
        let (base, f) = id < 0 ? ("", 1) : Units.base(of: pool[id])
        factors[slot] = base == baseUnit ? f : .nan
        return factors[slot]
    }
}
