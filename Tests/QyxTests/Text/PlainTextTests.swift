import Foundation
import QyxModel
import QyxReaders
import Testing
import QyxText

/// The readers' byte-level shortcuts give the answers of the Unicode scalar view they replace.
@Suite struct PlainTextTests {
    /// The first scalar when it and the next are stable, walking the scalar view.
    static func firstByScalars(_ s: Substring) -> Unicode.Scalar? {
        var scalars = s.unicodeScalars.makeIterator()
        guard let first = scalars.next(), PlainText.isStable(first) else { return nil }
        if let second = scalars.next(), !PlainText.isStable(second) { return nil }
        return first
    }

    /// The last scalar when it and the one before are stable, walking the scalar view.
    static func lastByScalars(_ s: Substring) -> Unicode.Scalar? {
        let scalars = s.unicodeScalars
        guard let last = scalars.last, PlainText.isStable(last) else { return nil }
        let end = scalars.index(before: scalars.endIndex)
        if end > scalars.startIndex, !PlainText.isStable(scalars[scalars.index(before: end)]) { return nil }
        return last
    }

    /// Made to tell them apart: empty, one scalar, combining marks and CR at either end, scalars
    /// of two, three and four bytes, a compatibility ideograph, and an emoji with a joiner.
    static let made = ["", "a", "年", "𠀀", "e\u{301}", "\u{301}e", "ab\r", "\r\n", "\u{F98E}年", "年\u{F98E}",
                       "≥90%", "（一）", "👩\u{200D}💻", "x👩", "é", "\u{a0}", "2025年嵊泗县公共服务“七优享”工程工作要点"]

    @Test func firstAndLastCharacterScalarsAsTheScalarViewGivesThem() throws {
        var texts = Self.made
        for url in CorpusLoader.builtinFiles { texts += try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n") }
        var checked = 0
        for text in texts {
            let whole = Substring(text)
            // Substrings too: a line's cells are slices of it.
            for s in [whole, whole.dropFirst(), whole.dropLast(), whole.dropFirst(2).dropLast(2)] {
                #expect(PlainText.firstCharacterScalar(s) == Self.firstByScalars(s), "\(Array(s.unicodeScalars))")
                #expect(PlainText.lastCharacterScalar(s) == Self.lastByScalars(s), "\(Array(s.unicodeScalars))")
                checked += 1
            }
            #expect(PlainText.firstCharacterScalar(text) == Self.firstByScalars(whole))
            #expect(PlainText.lastCharacterScalar(text) == Self.lastByScalars(whole))
        }
        #expect(checked > 4_000)
        // Each outcome is reached: a scalar, and no scalar because of either of the two.
        #expect(PlainText.firstCharacterScalar("e\u{301}") == nil && PlainText.firstCharacterScalar("\u{301}e") == nil)
        #expect(PlainText.lastCharacterScalar("e\u{301}") == nil && PlainText.lastCharacterScalar("年\u{F98E}") == nil)
        #expect(PlainText.firstCharacterScalar("𠀀年") == "𠀀" && PlainText.lastCharacterScalar("≥90%") == "%")
    }
}
