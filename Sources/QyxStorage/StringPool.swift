import QyxModel
import Synchronization
import QyxText

/// Interned strings: each distinct text is stored once and columns hold 32-bit ids, so that a
/// million rows of repeated regions, domains and units cost four bytes a cell.
public final class StringPool: Sendable {
    public let strings: [String]
    /// The index of `strings`. A pool read from an image builds it on the first lookup: hashing
    /// every string would cost a cold start more than reading the whole image.
    private let index: Mutex<TextIndex?>

    init(strings: [String], index: TextIndex?) {
        self.strings = strings
        self.index = Mutex(index)
    }

    /// The id of `s` if any cell holds it.
    public func id(of s: String) -> Int32? {
        index.withLock { index in
            if index == nil { index = TextIndex(indexing: strings) }
            return index!.id(of: s, hash: TextKey(s).bytesHash, in: strings)
        }
    }

    public subscript(id: Int32) -> String { strings[Int(id)] }
    public var count: Int { strings.count }

    /// Collects the strings of a database while its tables are built.
    struct Builder {
        private(set) var strings: [String] = []
        private var index: TextIndex

        /// Room for `capacity` strings before the index grows.
        init(capacity: Int = 0) {
            index = TextIndex(capacity: capacity)
            strings.reserveCapacity(capacity)
        }

        /// The id of `s`, or of the first string canonically equivalent to it.
        mutating func intern(_ s: String) -> Int32 { intern(s, hash: TextKey(s).bytesHash) }

        /// The id of `s`, whose `TextKey` hash is `hash` (made once, on the thread that read it).
        mutating func intern(_ s: String, hash: Int) -> Int32 { index.intern(s, hash: hash, into: &strings) }

        /// The ids of `texts`, hashed `hashes`, which are distinct (another pool's strings).
        mutating func intern(distinct texts: [String], hashes: [Int]) -> [Int32] {
            index.intern(distinct: texts, hashes: hashes, into: &strings)
        }

        /// Each string's hash as `intern(_:hash:)` takes it (the low half of its `TextKey` hash,
        /// all the index keeps), in id order.
        var hashes: [Int] { index.hashes }

        /// The id of `s` if it has been interned.
        func id(of s: String) -> Int32? { index.id(of: s, hash: TextKey(s).bytesHash, in: strings) }

        func finish() -> StringPool { StringPool(strings: strings, index: index) }
    }
}

/// Ids of strings by text, for strings kept in an array elsewhere: an open-addressed table of
/// ids placed by their text's `TextKey` hash. Swift's `Dictionary` of `TextKey`s cost a load
/// twice: it hashed each key's hash again, and held 28 bytes per bucket for the key's string.
struct TextIndex: Sendable {
    /// Each slot holds an id + 1 in its high half (0 where empty) and the low half of its text's
    /// hash, which places it: a probe compares hashes without leaving the slots, and a table
    /// that doubles moves its ids without hashing a string.
    private var slots: [UInt64]
    private(set) var count = 0

    init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
    }

    /// The index of `strings`, each id its position. (Made at its full size: a text met again
    /// lies after its first id along the same run of slots, so lookups find the first.)
    init(indexing strings: [String]) {
        self.init(capacity: strings.count)
        for s in strings { add(TextKey(s).bytesHash) }
    }

    /// The hash of each id's text (its low half, all the index keeps), in id order.
    var hashes: [Int] {
        var hashes = [Int](repeating: 0, count: count)
        for slot in slots where slot != 0 { hashes[Int(slot >> 32) - 1] = Int(slot & 0xFFFF_FFFF) }
        return hashes
    }

    /// The id of `s`, hashed `hash`, among `strings`.
    func id(of s: String, hash: Int, in strings: [String]) -> Int32? {
        let found = probe(s, hash, strings).id
        return found < 0 ? nil : found
    }

    /// The id of `s`, hashed `hash`, among `strings`, where it is appended if it is new.
    mutating func intern(_ s: String, hash: Int, into strings: inout [String]) -> Int32 {
        let (found, slot) = probe(s, hash, strings)
        if found >= 0 { return found }
        strings.append(s)
        add(hash, at: slot)
        return Int32(count - 1)
    }

    /// `intern` of each of `texts`, which are distinct, in order. Every home slot is read first,
    /// all together: in a table of millions of ids most are out of the cache, and reads that do
    /// not depend on each other wait for memory at once, where probes one after another wait in
    /// turn. A text whose home slot was empty is new (no other text of the batch equals it), so
    /// it needs no probe.
    mutating func intern(distinct texts: [String], hashes: [Int], into strings: inout [String]) -> [Int32] {
        let mask = slots.count - 1
        let isNew = hashes.map { slots[$0 & mask] == 0 }
        return texts.indices.map { i in
            guard isNew[i] else { return intern(texts[i], hash: hashes[i], into: &strings) }
            strings.append(texts[i])
            add(hashes[i])
            return Int32(count - 1)
        }
    }

    /// The id canonically equal to `s`, or -1 and the empty slot where `s` goes.
    private func probe(_ s: String, _ hash: Int, _ strings: [String]) -> (id: Int32, slot: Int) {
        let mask = slots.count - 1, low = UInt64(truncatingIfNeeded: hash) & 0xFFFF_FFFF
        var slot = hash & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return (-1, slot) }
            if entry & 0xFFFF_FFFF == low {
                let id = Int32(entry >> 32) - 1
                if Self.equivalent(strings[Int(id)], s) { return (id, slot) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Gives the next id to a text hashed `hash`, at `slot` if that is where a probe for it
    /// ended. The table doubles first if it would be more than half full.
    private mutating func add(_ hash: Int, at slot: Int? = nil) {
        var slot = slot
        if (count + 1) * 2 > slots.count {
            let old = slots
            slots = Array(repeating: 0, count: slots.count * 2)
            for entry in old where entry != 0 { slots[emptySlot(Int(entry & 0xFFFF_FFFF))] = entry }
            slot = nil
        }
        count += 1
        slots[slot ?? emptySlot(hash)] = UInt64(count) << 32 | UInt64(truncatingIfNeeded: hash) & 0xFFFF_FFFF
    }

    private func emptySlot(_ hash: Int) -> Int {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        return slot
    }

    /// Equal hashes and different bytes: canonically equivalent spellings, or a collision.
    private static func equivalent(_ a: String, _ b: String) -> Bool {
        TextKey.sameBytes(a, b) || TextKey(a) == TextKey(b)
    }
}
