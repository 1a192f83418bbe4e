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

    /// What `isStable` promises of a scalar, asked of the runtime: combining class 0, its own
    /// NFC form, and a Character of its own beside ASCII, an ideograph and itself.
    static func isSafe(_ v: UInt32) -> Bool {
        guard let s = Unicode.Scalar(v) else { return false }
        let alone = String(Character(s))
        guard s.properties.canonicalCombiningClass == .notReordered, alone.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(alone.unicodeScalars)
        else { return false }
        return [alone + "a", "a" + alone, alone + "一", "一" + alone, alone + alone].allSatisfy { $0.count == 2 }
    }

    /// Every scalar the table accepts is safe, and over the blocks where the two old tables
    /// differed (arrows and mathematical operators, symbols and dingbats) it accepts every safe one.
    @Test func theStableTableIsWhatTheRuntimeSays() {
        var accepted = 0
        for v in UInt32(0)...0x3134F where PlainText.isStable(v) {
            #expect(Self.isSafe(v), "U+\(String(v, radix: 16))")
            accepted += 1
        }
        #expect(accepted > 95_000)
        for v in UInt32(0x2190)...0x22FF { #expect(PlainText.isStable(v) == Self.isSafe(v), "U+\(String(v, radix: 16))") }
        // Canonical singletons and marks are turned away: U+F98E is 年 in NFC, U+0301 joins.
        #expect(!PlainText.isStable(0xF98E) && !Self.isSafe(0xF98E) && !PlainText.isStable(0x301) && !Self.isSafe(0x301))
    }

    /// One space set for every reader, by scalar and by Character.
    @Test func spacesAreFourScalarsEachItsOwnCharacter() {
        #expect([" ", "\t", "\u{3000}", "\u{a0}"].allSatisfy { PlainText.isSpace(Character($0)) })
        #expect(!PlainText.isSpace(Character(" \u{301}")) && !PlainText.isSpace(Character("\u{2002}")) && !PlainText.isSpace(Character("\n")))
    }

    /// Each Character of any text becomes one scalar: itself in NFC, else a placeholder that
    /// spells it.
    @Test func charactersAsScalarsSpellTheText() {
        let text = "e\u{301}年\u{F98E}👩\u{200D}💻\r\n\u{F0001}𠀀e\u{301}"
        let (scalars, clusters) = PlainText.characterScalars(text)
        #expect(scalars.count == text.count)
        #expect(Array(scalars.prefix(3)) == ["é", "年", "年"])
        #expect(clusters == ["👩\u{200D}💻", "\r\n", "\u{F0001}"])
        #expect(scalars[3] == PlainText.placeholder(0) && PlainText.placeholderIndex(scalars[5]) == 2 && scalars[6] == "𠀀")
        #expect(PlainText.placeholderIndex(PlainText.placeholder(0x1_0000)) == 0x1_0000)
    }
}
