import Foundation
import QyxModel
import QyxText

/// Cleans the text of lines and cells: HTML, spaces, list cells, whole numbers.
///
/// Spaces are `PlainText.isSpace`: the ASCII space, tab, U+3000 and U+00A0. These run on
/// every line of every document, so they work on UTF-8 bytes; where a combining mark or another
/// unstable scalar (see `PlainText`) touches a space, they fall back to Character code.
enum TextCleaning {
    /// Removes HTML tags and the few entities the sources use; tags become spaces.
    static func stripHTML(_ s: String) -> String {
        // A tag or an entity needs a `<` or `&` byte: no Character equals either without one.
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }),
              s.contains("<") || s.contains("&") else { return s }
        var out = ""
        var inTag = false
        for c in s {
            if c == "<" { inTag = true; out.append(" "); continue }
            if c == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(c) }
        }
        let entities = [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")]
        for (entity, plain) in entities { out = out.replacingOccurrences(of: entity, with: plain) }
        return out
    }

    /// Trims and folds runs of whitespace to one space.
    static func collapse(_ s: String) -> String {
        s.withBytes { b in
            // Is there anything to change, and is every space a Character of its own?
            var changes = false
            var i = 0
            while i < b.count {
                // An ideograph's three bytes hold no space: skip them whole.
                if b[i] >= 0xE4 && b[i] <= 0xE9 { i += 3; continue }
                let n = spaceLength(b, at: i)
                if n == 0 { i += 1; continue }
                var end = i + n
                while end < b.count, case let m = spaceLength(b, at: end), m > 0 { end += m }
                guard i == 0 || isStable(b, before: i), end == b.count || isStable(b, at: end) else {
                    return s.split(whereSeparator: PlainText.isSpace).joined(separator: " ")
                }
                // A lone ASCII space between two words stays as it is.
                if i == 0 || end == b.count || end - i != 1 || b[i] != 0x20 { changes = true }
                i = end
            }
            return changes ? collapse(plain: b) : s
        }
    }

    /// `collapse` of plain text, given as bytes: the words, one ASCII space between each two.
    static func collapse(plain b: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: b.count) { out in
            var count = 0, spaceDue = false, i = 0
            while i < b.count {
                let n = spaceLength(b, at: i)
                if n > 0 { spaceDue = count > 0; i += n; continue }
                if spaceDue { out[count] = 0x20; count += 1; spaceDue = false }
                out[count] = b[i]
                count += 1
                i += 1
            }
            return count
        }
    }

    /// A list cell (`县教育局 县委编办`, `<p>县公安局</p> <p>县财政局</p>`) as its entries.
    /// Single characters are halves of a spaced-out two-character name (`郑 玥`) and are rejoined.
    static func list(_ cell: String) -> [String] {
        let text = stripHTML(cell)
        let separators = " \t\u{3000}\u{a0}、，,;；"
        // In plain text the separators and the single characters are scalars.
        let plain = PlainText.isPlain(text)
        let words = plain
            ? text.unicodeScalars.split(whereSeparator: { separators.unicodeScalars.contains($0) }).map(String.init)
            : text.split(whereSeparator: { separators.contains($0) }).map(String.init)
        let isSingle = { (word: String) in plain ? word.unicodeScalars.count == 1 : word.count == 1 }
        var out: [String] = []
        var i = 0
        while i < words.count {
            if isSingle(words[i]), i + 1 < words.count, isSingle(words[i + 1]) {
                out.append(words[i] + words[i + 1])
                i += 2
            } else {
                out.append(words[i])
                i += 1
            }
        }
        return out
    }

    /// Spaces and tabs (and U+3000, U+00A0) off both ends.
    static func trim(_ s: String) -> String {
        s.withBytes { b in
            var start = 0, end = b.count
            while start < end, case let n = spaceLength(b, at: start), n > 0 { start += n }
            while end > start, case let n = spaceLength(b, endingAt: end), n > 0 { end -= n }
            if start == 0 && end == b.count { return s }
            // The spaces are whole Characters unless what they touch could join them.
            guard start == end || (isStable(b, at: start) && isStable(b, before: end)) else {
                guard let first = s.firstIndex(where: { !PlainText.isSpace($0) }) else { return "" }
                return String(s[first...s.lastIndex(where: { !PlainText.isSpace($0) })!])
            }
            return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        }
    }

    /// Only spaces, tabs and U+3000 (a multi-scalar Character is never one of them).
    static func isBlank(_ s: String) -> Bool {
        s.withBytes { b in
            var i = 0
            while i < b.count {
                let n = spaceLength(b, at: i)
                if n == 0 || (n == 2 && b[i] == 0xC2) { return false }   // U+00A0 is not blank
                i += n
            }
            return true
        }
    }

    /// Half-width digits of a cell that is only a whole number (`12`, ` 3 `).
    static func integer(_ s: String) -> Int? {
        // A Character is an ASCII digit exactly when it is one byte 0-9.
        let t = TextCleaning.trim(s)
        guard (1...4).contains(t.utf8.count), t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(t)
    }

    /// A 序号/编号 cell's number. Wider than `integer`, which also decides where a row of a
    /// cell-per-line table starts and so must not take a five-digit target for a row number:
    /// a table's own numbering runs past 9999 (a generated province has 100,000-row tables).
    static func sequenceNumber(_ s: String) -> Int? {
        let t = TextCleaning.trim(s)
        guard (1...9).contains(t.utf8.count), t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(t)
    }

    /// `s.replacingOccurrences(of: " ", with: "")`, on bytes when `s` is plain.
    static func removingSpaces(_ s: String) -> String {
        // Without a space byte there is nothing to replace.
        guard s.utf8.contains(UInt8(ascii: " ")) else { return s }
        guard PlainText.isPlain(s) else { return s.replacingOccurrences(of: " ", with: "") }
        return String(decoding: s.utf8.filter { $0 != UInt8(ascii: " ") }, as: UTF8.self)
    }

    /// `text.contains(needle)` for a plain `needle`, on bytes when `text` is plain.
    static func contains(_ text: String, _ needle: String) -> Bool {
        PlainText.isPlain(text) ? TextSearch.contains(text, needle) : text.contains(needle)
    }

    /// `line.range(of: needle)` from `start` on, for a plain `needle`; on bytes when `line` is plain.
    static func range(of needle: String, in line: String, from start: String.Index? = nil) -> Range<String.Index>? {
        let start = start ?? line.startIndex
        guard PlainText.isPlain(line) else { return line.range(of: needle, range: start..<line.endIndex) }
        let u = line.utf8, n = Array(needle.utf8)
        let from = u.distance(from: u.startIndex, to: start)
        let found: Int? = line.withBytes { b in
            var i = from
            while i + n.count <= b.count {
                if b[i] == n[0], UnsafeBufferPointer(rebasing: b[i..<(i + n.count)]).elementsEqual(n) { return i }
                i += 1
            }
            return nil
        }
        return found.map { u.index(u.startIndex, offsetBy: $0)..<u.index(u.startIndex, offsetBy: $0 + n.count) }
    }

    /// Length in bytes of the space that starts at `i`, or 0.
    @inline(__always)
    static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        switch b[i] {
        case 0x20, 0x09: 1
        case 0xC2: b[i + 1] == 0xA0 ? 2 : 0
        case 0xE3: b[i + 1] == 0x80 && b[i + 2] == 0x80 ? 3 : 0
        default: 0
        }
    }

    /// Length in bytes of the space that ends just before `end`, or 0.
    @inline(__always)
    static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Int {
        switch b[end - 1] {
        case 0x20, 0x09: 1
        case 0xA0: b[end - 2] == 0xC2 ? 2 : 0
        case 0x80: end >= 3 && b[end - 3] == 0xE3 && b[end - 2] == 0x80 ? 3 : 0
        default: 0
        }
    }

    /// Is the scalar starting at `i` stable (a Character of its own)?
    @inline(__always)
    static func isStable(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        PlainText.isStable(PlainText.decode(b, at: i).0)
    }

    /// Is the scalar ending just before `end` stable?
    @inline(__always)
    static func isStable(_ b: UnsafeBufferPointer<UInt8>, before end: Int) -> Bool {
        PlainText.isStable(PlainText.decode(b, at: PlainText.scalarStart(b, before: end)).0)
    }
}

extension StringProtocol {
    /// Runs `body` over the UTF-8 bytes, copying them only if the string is not stored contiguously.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try PlainText.withBytes(self, body)
    }
}
