import Foundation
@testable import QyxLanguage
@testable import QyxModel
import Synchronization
import Testing
@testable import QyxText
@testable import QyxStorage

/// The string pool's own table and the loader's stream, on cases the corpora do not reach:
/// canonically equivalent spellings, colliding hashes, a table that doubles many times, and
/// items that finish out of order.
@Suite struct StringPoolTests {
    @Test func equalAndCanonicallyEquivalentTextsShareTheFirstId() {
        var pool = StringPool.Builder()
        let composed = "Caf\u{E9} 托位", decomposed = "Cafe\u{301} 托位"
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        #expect(pool.intern(composed) == 0)
        #expect(pool.intern("托位") == 1)
        #expect(pool.intern(decomposed) == 0)
        #expect(pool.intern(String(composed)) == 0)
        #expect(pool.strings == [composed, "托位"])
        #expect(pool.id(of: decomposed) == 0)
        #expect(pool.id(of: "托") == nil)
        let finished = pool.finish()
        #expect(finished.id(of: decomposed) == 0 && finished.id(of: "托位") == 1 && finished.id(of: "") == nil)
    }

    /// A part's strings moved in at once: new ones take the next ids in order, known ones (or
    /// their canonical equivalents) keep theirs, whatever the table's size on the way.
    @Test func aBatchOfDistinctTextsInternsLikeOneByOne() {
        var batch = StringPool.Builder(), single = StringPool.Builder()
        for text in ["托位", "Caf\u{E9}"] { _ = batch.intern(text); _ = single.intern(text) }
        let texts = ["县卫健局", "Cafe\u{301}", "托位"] + (0..<5_000).map { "第\($0)项" }
        let hashes = texts.map { TextKey($0).bytesHash }
        let ids = batch.intern(distinct: texts, hashes: hashes)
        #expect(ids == texts.map { single.intern($0) })
        #expect(Array(ids.prefix(4)) == [2, 1, 0, 3])
        #expect(batch.strings == single.strings)
    }

    /// Every text given the same hash: one long run of slots, told apart by their bytes.
    @Test func collidingHashesStayApart() {
        var index = TextIndex()
        var strings: [String] = []
        let texts = (0..<300).map { "第\($0)项" }
        for (k, text) in texts.enumerated() { #expect(index.intern(text, hash: 42, into: &strings) == Int32(k)) }
        for (k, text) in texts.enumerated() {
            #expect(index.intern(text, hash: 42, into: &strings) == Int32(k))
            #expect(index.id(of: text, hash: 42, in: strings) == Int32(k))
        }
        #expect(index.id(of: "第300项", hash: 42, in: strings) == nil)
        #expect(strings == texts && index.count == 300)
    }

    /// Ids stay put while the table doubles from 16 slots to 2^18, and a pool read from an
    /// image (no index) finds the same ids when it builds one.
    @Test func idsSurviveGrowthAndALaterIndex() {
        var pool = StringPool.Builder()
        let texts = (0..<100_000).map { "县\($0 % 997)局 \($0)" }
        for (k, text) in texts.enumerated() { #expect(pool.intern(text) == Int32(k)) }
        for k in stride(from: 0, to: texts.count, by: 7) { #expect(pool.intern(texts[k]) == Int32(k)) }
        #expect(pool.strings == texts)
        let hashes = pool.hashes
        #expect(hashes.count == texts.count)
        #expect(hashes[12_345] == TextKey(texts[12_345]).bytesHash & 0xFFFF_FFFF)
        let image = StringPool(strings: texts, index: nil)
        for k in stride(from: 0, to: texts.count, by: 101) { #expect(image.id(of: texts[k]) == Int32(k)) }
        #expect(image.id(of: "县1局 100000") == nil)
    }

    /// Items that take longer the earlier they are still reach `take` in index order, and no
    /// more than `window` are made ahead of it.
    @Test func streamDeliversInOrderWithinItsWindow() {
        let made = Atomic<Int>(0), taken = Atomic<Int>(0), mostAhead = Atomic<Int>(0)
        var order: [Int] = []
        Parallel.stream(200, window: 5, make: { i in
            let ahead = made.add(1, ordering: .sequentiallyConsistent).newValue - taken.load(ordering: .sequentiallyConsistent)
            mostAhead.max(ahead, ordering: .sequentiallyConsistent)
            usleep(UInt32((200 - i) % 7) * 300)
            return i * i
        }, take: { value in
            order.append(value)
            taken.add(1, ordering: .sequentiallyConsistent)
        })
        #expect(order == (0..<200).map { $0 * $0 })
        #expect(mostAhead.load(ordering: .sequentiallyConsistent) <= 5)
        var none: [Int] = []
        Parallel.stream(0, make: { $0 }, take: { none.append($0) })
        #expect(none.isEmpty)
    }
}
