import Foundation

/// Byte-level answers to the questions the readers ask of every line and cell.
///
/// Swift compares Strings and Characters by canonical equivalence and walks them by grapheme
/// cluster; Foundation's `range(of:)`, `contains` and `replacingOccurrences` do the same through
/// CFString. Both cost far more than a loop over UTF-8. In *plain* text every scalar is in NFC,
/// has combining class 0 and is a grapheme cluster of its own (`isStable`), so a Character is one
/// scalar and two strings are equal exactly when their bytes are: a byte loop gives the answer
/// the Character code gives. Fast paths check `isPlain` (or, for a quick no, one stable scalar)
/// and otherwise keep the Character code, so text with combining marks or compatibility
/// ideographs reads exactly as before.
public enum PlainText {
    /// Scalars that never join a neighbour into one Character, never compose with one, and have
    /// no canonical equivalent but themselves: ASCII and Latin-1, general punctuation, CJK
    /// punctuation, ideographs, full-width forms and the symbols plans use. Checked scalar by
    /// scalar against the Unicode data of the Swift runtime and Foundation.
    @inlinable @inline(__always)
    public static func isStable(_ v: UInt32) -> Bool {
        switch v {
        case 0x0D: false                                    // CR joins a following LF
        case 0x00...0xFF: true                              // ASCII, Latin-1
        case 0x2010...0x2027, 0x2030...0x205E: true         // dashes, quotes, bullet, ‰
        case 0x2100...0x2125, 0x2150...0x2189: true         // ℃ №, Roman numerals (not Ω K Å)
        case 0x2190...0x22FF: true                          // arrows, ≤ ≥ ≦ ≧ (↚ ≠ are NFC as they are)
        case 0x2460...0x26FF: true                          // ① ⑴, box drawing, ■ ● ★
        case 0x3000...0x3029, 0x3030...0x303F: true         // 、。〈〉《》〔〕 (not the tone marks)
        case 0x3200...0x4DBF, 0x4E00...0x9FFF: true         // ㈠ ㎡, CJK ideographs
        case 0xFE10...0xFE19, 0xFE30...0xFE6F: true         // vertical and small forms
        case 0xFF01...0xFF9D, 0xFFE0...0xFFEE: true         // full-width forms (not ﾞ ﾟ)
        case 0x20000...0x2A6DF, 0x2A700...0x2EBEF, 0x30000...0x3134F: true
        default: false
        }
    }

    @inlinable @inline(__always)
    public static func isStable(_ scalar: Unicode.Scalar) -> Bool { isStable(scalar.value) }

    /// Is every scalar of `s` stable?
    @inlinable
    public static func isPlain(_ s: some StringProtocol) -> Bool {
        if let answer = s.utf8.withContiguousStorageIfAvailable(isPlain(bytes:)) { return answer }
        return s.unicodeScalars.allSatisfy(isStable)
    }

    @inlinable
    public static func isPlain(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0D { return false }
                i += 1
            } else if b >= 0xE4 && b <= 0xE9 {
                i += 3                                      // U+4000–U+9FFF: ideographs
            } else {
                let (scalar, length) = decode(bytes, at: i)
                if !isStable(scalar) { return false }
                i += length
            }
        }
        return true
    }

    /// The length in bytes of the UTF-8 sequence that `lead` starts.
    @inlinable @inline(__always)
    public static func scalarLength(lead: UInt8) -> Int { lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4 }

    /// The scalar that starts at `i` in valid UTF-8, and its length in bytes.
    @inlinable @inline(__always)
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b = UInt32(bytes[i])
        if b < 0x80 { return (b, 1) }
        if b < 0xE0 { return ((b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if b < 0xF0 {
            return ((b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return ((b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    /// The start of the scalar that ends just before `end`.
    @inlinable @inline(__always)
    public static func scalarStart(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int {
        var i = end - 1
        while i > 0 && bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    /// Characters in plain text: every byte that starts a scalar.
    @inlinable
    public static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for b in bytes where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// `s.count` without grapheme breaking when `s` is plain.
    @inlinable
    public static func count(_ s: some StringProtocol) -> Int {
        let plainCount = s.utf8.withContiguousStorageIfAvailable { isPlain(bytes: $0) ? scalarCount($0) : nil }
        return (plainCount ?? nil) ?? s.count
    }

    /// The first scalar of `s` when it is a whole Character: it and the scalar after it are stable.
    @inlinable
    public static func firstCharacterScalar(_ s: some StringProtocol) -> Unicode.Scalar? {
        // On the bytes when they are at hand: the scalar view's generic walk cost hundreds of
        // instructions, and the readers ask this of nearly every line.
        if let answer = s.utf8.withContiguousStorageIfAvailable(firstCharacterScalar(bytes:)) { return answer }
        var scalars = s.unicodeScalars.makeIterator()
        guard let first = scalars.next(), isStable(first) else { return nil }
        if let second = scalars.next(), !isStable(second) { return nil }
        return first
    }

    /// The last scalar of `s` when it is a whole Character: it and the scalar before it are stable.
    @inlinable
    public static func lastCharacterScalar(_ s: some StringProtocol) -> Unicode.Scalar? {
        if let answer = s.utf8.withContiguousStorageIfAvailable(lastCharacterScalar(bytes:)) { return answer }
        let scalars = s.unicodeScalars
        guard let last = scalars.last, isStable(last) else { return nil }
        let end = scalars.index(before: scalars.endIndex)
        if end > scalars.startIndex, !isStable(scalars[scalars.index(before: end)]) { return nil }
        return last
    }

    /// `firstCharacterScalar` of valid UTF-8.
    @inlinable
    public static func firstCharacterScalar(bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard !bytes.isEmpty else { return nil }
        let (first, length) = decode(bytes, at: 0)
        guard isStable(first) else { return nil }
        if length < bytes.count, !isStable(decode(bytes, at: length).0) { return nil }
        return Unicode.Scalar(first).unsafelyUnwrapped
    }

    /// `lastCharacterScalar` of valid UTF-8.
    @inlinable
    public static func lastCharacterScalar(bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard !bytes.isEmpty else { return nil }
        let start = scalarStart(bytes, before: bytes.count)
        let last = decode(bytes, at: start).0
        guard isStable(last) else { return nil }
        if start > 0, !isStable(decode(bytes, at: scalarStart(bytes, before: start)).0) { return nil }
        return Unicode.Scalar(last).unsafelyUnwrapped
    }

    /// `s.hasPrefix(p)` for a plain `p`.
    @inlinable
    public static func hasPrefix(_ s: some StringProtocol, _ p: String) -> Bool {
        if let first = firstCharacterScalar(s), let want = p.unicodeScalars.first, first != want { return false }
        return isPlain(s) ? s.utf8.starts(with: p.utf8) : s.hasPrefix(p)
    }

    /// `s.hasSuffix(p)` for a plain `p`.
    @inlinable
    public static func hasSuffix(_ s: some StringProtocol, _ p: String) -> Bool {
        if let last = lastCharacterScalar(s), let want = p.unicodeScalars.last, last != want { return false }
        return isPlain(s) ? s.utf8.reversed().starts(with: p.utf8.reversed()) : s.hasSuffix(p)
    }

    /// `s.trimmingCharacters(in: .whitespaces)`, without Foundation when neither end can be
    /// whitespace (whichever way Foundation walks the text, it stops at a scalar outside the set).
    @inlinable
    public static func trimmingWhitespace(_ s: some StringProtocol) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !mayBeWhitespace(first) && !mayBeWhitespace(last) { return String(s) }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// Could `c` be in `CharacterSet.whitespaces` (tab and the space separators)? Answered
    /// without asking it for the blocks plans are written in, which hold no space separator.
    @usableFromInline @inline(__always)
    static func mayBeWhitespace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09, 0x20, 0xA0: true
        case 0x00...0xFF, 0x2010...0x2027, 0x2030...0x205E, 0x2100...0x2FFF, 0x3001...0xD7FF, 0xFF01...0xFFEF: false
        default: CharacterSet.whitespaces.contains(c)
        }
    }

    /// The spaces every reader trims, splits on and folds: ASCII space, tab, U+3000 (ideographic)
    /// and U+00A0 (the `&nbsp;` of a web page). Each is a Character only of itself, so a
    /// Character is a space exactly when it is one scalar that is.
    @inlinable @inline(__always)
    public static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{3000}" || s == "\u{a0}" }

    /// `isSpace` of a Character.
    @inlinable
    public static func isSpace(_ c: Character) -> Bool {
        let scalars = c.unicodeScalars
        return scalars.count == 1 && isSpace(scalars.first!)
    }

    /// The Characters of `s` as one scalar each, for code whose rules compare single scalars:
    /// with this, scalar offsets are Character offsets and comparing scalars is comparing
    /// Characters, whatever `s` holds. `s` is read in NFC, so a Character canonically equal to
    /// one scalar (U+F98E for 年, e + U+0301 for é) is that scalar. Any other Character (a base
    /// with combining marks, an emoji sequence, CR LF) is a placeholder from the private-use
    /// planes, `placeholder(k)` for `clusters[k]`: like the Character, it equals no single
    /// scalar. A private-use scalar of `s` itself is a cluster too, so no placeholder is ambiguous.
    public static func characterScalars(_ s: String) -> (scalars: [Unicode.Scalar], clusters: [String]) {
        var scalars: [Unicode.Scalar] = [], clusters: [String] = [], index: [String: Int] = [:]
        for c in s.precomposedStringWithCanonicalMapping {
            if c.unicodeScalars.count == 1, let only = c.unicodeScalars.first, !isPlaceholder(only) {
                scalars.append(only)
                continue
            }
            let spelling = String(c)
            // Identical Characters share a placeholder, so only a line of more distinct
            // clusters than the planes hold (131,068) runs out; the last then spells the rest.
            let k = index[spelling] ?? min(clusters.count, placeholderCount - 1)
            if index[spelling] == nil, clusters.count < placeholderCount {
                index[spelling] = k
                clusters.append(spelling)
            }
            scalars.append(placeholder(k))
        }
        return (scalars, clusters)
    }

    /// Planes 15 and 16 without their two noncharacters each.
    @usableFromInline static let placeholderCount = 2 * 0xFFFE

    /// The placeholder for `clusters[k]` of `characterScalars`.
    @inlinable
    public static func placeholder(_ k: Int) -> Unicode.Scalar {
        let plane = k / 0xFFFE
        return Unicode.Scalar(UInt32(0xF0000 + plane * 0x10000 + k % 0xFFFE)).unsafelyUnwrapped
    }

    /// Is `s` a placeholder of `characterScalars`?
    @inlinable @inline(__always)
    public static func isPlaceholder(_ s: Unicode.Scalar) -> Bool { s.value >= 0xF0000 }

    /// The `k` of `placeholder(k)`.
    @inlinable
    public static func placeholderIndex(_ s: Unicode.Scalar) -> Int {
        let v = Int(s.value) - 0xF0000
        return (v >> 16) * 0xFFFE + (v & 0xFFFF)
    }

    /// Runs `body` over the UTF-8 bytes of `s`, copying them only if they are not contiguous.
    @inlinable
    public static func withBytes<R>(_ s: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let r = try s.utf8.withContiguousStorageIfAvailable(body) { return r }
        return try Array(s.utf8).withUnsafeBufferPointer(body)
    }

    /// `s == p` for a plain `p`.
    @inlinable
    public static func equals(_ s: some StringProtocol, _ p: String) -> Bool {
        if let first = firstCharacterScalar(s), let want = p.unicodeScalars.first, first != want { return false }
        if s.utf8.elementsEqual(p.utf8) { return true }
        return isPlain(s) ? false : s == p
    }
}
