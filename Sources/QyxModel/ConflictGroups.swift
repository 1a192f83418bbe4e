extension ConflictFinder {
    /// Statements with equal group keys are about one thing and must agree.
    struct GroupKey: Equatable { var region: Int32, year: Int32, key: Int32, unit: Int32 }

    /// The groups of statements met so far: an open-addressed table hashed like `TextKey`, each
    /// slot holding what the first pass keeps of a group (its id, first value, and whether
    /// another value differs). Every statement looks its group up: through a `Dictionary` and
    /// arrays by group id, SipHash and three cache misses a statement were most of the pass.
    struct GroupTable {
        private struct Slot {
            var key: GroupKey
            var id: Int32 = -1  // -1 where empty
            var differing = false
            var firstValue = 0.0

            static let empty = Slot(key: GroupKey(region: 0, year: 0, key: 0, unit: 0))
        }

        private var slots = [Slot](repeating: .empty, count: 1024)
        private(set) var count = 0

        /// The id of the group of a statement of `key` stating `value`; groups are numbered in
        /// the order of their first statement.
        mutating func add(_ key: GroupKey, value: Double) -> Int32 {
            let mask = slots.count - 1
            var slot = Self.slot(of: key, mask: mask)
            while slots[slot].id >= 0 {
                if slots[slot].key == key {
                    if !ConflictFinder.same(slots[slot].firstValue, value) { slots[slot].differing = true }
                    return slots[slot].id
                }
                slot = (slot + 1) & mask
            }
            slots[slot] = Slot(key: key, id: Int32(count), firstValue: value)
            count += 1
            if count * 2 > slots.count { grow() }
            return Int32(count - 1)
        }

        /// Whether each group, by id, holds two values.
        var differing: [Bool] {
            var differing = [Bool](repeating: false, count: count)
            for slot in slots where slot.id >= 0 { differing[Int(slot.id)] = slot.differing }
            return differing
        }

        private static func slot(of key: GroupKey, mask: Int) -> Int {
            let a = UInt64(UInt32(bitPattern: key.region)) << 32 | UInt64(UInt32(bitPattern: key.year))
            let b = UInt64(UInt32(bitPattern: key.key)) << 32 | UInt64(UInt32(bitPattern: key.unit))
            return TextKey.hash(a, b) & mask
        }

        private mutating func grow() {
            let old = slots
            slots = Array(repeating: .empty, count: old.count * 2)
            let mask = slots.count - 1
            for entry in old where entry.id >= 0 {
                var slot = Self.slot(of: entry.key, mask: mask)
                while slots[slot].id >= 0 { slot = (slot + 1) & mask }
                slots[slot] = entry
            }
        }
    }
}
