import QyxModel
import Synchronization

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

        /// The `TextKey` hash of each string, in id order.
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
    /// The hash of each id's text, in id order.
    private(set) var hashes: [Int] = []
    /// Ids, -1 where empty. At most half full, so that a probe is short.
    private var slots: [Int32]

    init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        hashes.reserveCapacity(capacity)
    }

    /// The index of `strings`, each id its position; a text met again keeps its first id.
    init(indexing strings: [String]) {
        self.init(capacity: strings.count)
        for s in strings { add(TextKey(s).bytesHash) }
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
        return Int32(hashes.count - 1)
    }

    /// The id canonically equal to `s`, or -1 and the empty slot where `s` goes. Ids of one
    /// hash lie along one run of slots in id order, so the first id of a text is met first.
    private func probe(_ s: String, _ hash: Int, _ strings: [String]) -> (id: Int32, slot: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let id = slots[slot]
            if id < 0 { return (-1, slot) }
            if hashes[Int(id)] == hash, Self.equivalent(strings[Int(id)], s) { return (id, slot) }
            slot = (slot + 1) & mask
        }
    }

    /// Gives the next id to a text hashed `hash`, at `slot` if that is where a probe for it
    /// ended. The table doubles first if it would be more than half full.
    private mutating func add(_ hash: Int, at slot: Int? = nil) {
        var slot = slot
        if (hashes.count + 1) * 2 > slots.count {
            slots = Array(repeating: -1, count: slots.count * 2)
            for (id, h) in hashes.enumerated() { slots[emptySlot(h)] = Int32(id) }
            slot = nil
        }
        slots[slot ?? emptySlot(hash)] = Int32(hashes.count)
        hashes.append(hash)
    }

    private func emptySlot(_ hash: Int) -> Int {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        return slot
    }

    /// Equal hashes and different bytes: canonically equivalent spellings, or a collision.
    private static func equivalent(_ a: String, _ b: String) -> Bool {
        TextKey.sameBytes(a, b) || TextKey(a) == TextKey(b)
    }
}
