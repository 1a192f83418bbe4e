import QyxModel
import QyxText

extension ConflictFinder {
    /// The first pass over the statements: each one's group, and which groups hold two values.
    /// A load feeds it document by document while later documents are still being read.
    public struct Grouping {
        /// By subject id: -2 not yet normalized, -1 too vague, else the subject's key id.
        /// Subjects repeat across documents and years: each distinct one is normalized once.
        private var subjectKeys: [Int32] = []
        private var keyIDs: [TextKey: Int32] = [:]
        private var groups = GroupTable()
        /// The group of each statement (-1: it states no dated value, or too vague a subject),
        /// figures and table targets apart: the source numbers figures first.
        private var figureGroups: [Int32] = []
        private var tableGroups: [Int32] = []

        public init() {}

        /// The next figure's statement, or the next table target's: nil if it states no dated
        /// value. `subject` gives the text of a subject id.
        public mutating func add(_ statement: Key?, fromTable: Bool, subject: (Int32) -> String) {
            guard let s = statement else {
                if fromTable { tableGroups.append(-1) } else { figureGroups.append(-1) }
                return
            }
            assert(s.fromTable == fromTable)
            let id = Int(s.subject)
            if id >= subjectKeys.count { subjectKeys += repeatElement(-2, count: id + 1 - subjectKeys.count) }
            var keyID = subjectKeys[id]
            if keyID == -2 {
                let k = ConflictFinder.key(subject(s.subject))
                if k.count < minimumSubject {
                    keyID = -1
                } else {
                    let textKey = TextKey(k)
                    keyID = keyIDs[textKey] ?? Int32(keyIDs.count)
                    keyIDs[textKey] = keyID
                }
                subjectKeys[id] = keyID
            }
            let group = keyID < 0 ? -1 : groups.add(GroupKey(region: s.region, year: Int32(clamping: s.year), key: keyID, unit: s.unit),
                                                    value: s.value)
            if fromTable { tableGroups.append(group) } else { figureGroups.append(group) }
        }

        /// Every statement's group, in the source's order (figures first).
        var statementGroups: [Int32] { figureGroups + tableGroups }

        /// Whether each group, by id, holds two values.
        var differing: [Bool] { groups.differing }
    }

    /// Statements with equal group keys are about one thing and must agree.
    struct GroupKey: Equatable { var region: Int32, year: Int32, key: Int32, unit: Int32 }

    /// The groups of statements met so far: an open-addressed table hashed like `TextKey`, each
    /// slot holding what the first pass keeps of a group (its id, first value, and whether
    /// another value differs from it at all). Every statement looks its group up: through a
    /// `Dictionary` and arrays by group id, SipHash and three cache misses a statement were most
    /// of the pass. Values are told apart exactly here, so that which groups are flagged does
    /// not depend on the order statements come in; `describe` tells rounding noise from two values.
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
                    if slots[slot].firstValue != value { slots[slot].differing = true }
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
