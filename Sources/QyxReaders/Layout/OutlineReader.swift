import Foundation
import QyxModel
import QyxText

/// One paragraph of running text after wrapped lines are joined.
struct Paragraph {
    enum Kind: Equatable {
        /// `一、` (1), `(一)` (2), `1.` (3), `(1)` (4).
        case item(level: Int, label: String)
        case plain
        /// `表 …`, `专栏 …`: a caption or box heading.
        case caption
        /// `附件1`: the start of an annex; the next paragraph is its title.
        case annex(label: String)
        /// The document's own title line.
        case title
    }
    var line: Int
    var kind: Kind
    /// Text without its numbering marker.
    var text: String
}

/// Reads numbered outlines (一、 (一) 1.) in half- and full-width punctuation, joining lines that
/// a page break or copy wrapped in the middle of a sentence.
enum OutlineReader {
    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "〇", "零"]
    /// A paragraph ending in one of these is complete; anything else continues on the next line.
    static let closers: Set<Character> = ["。", "！", "？", "；", ";", "：", ":", ")", "）", "!", "?"]
    /// The same sets as scalars, for plain text (a short array beats hashing).
    static let numeralScalars = chineseNumerals.map { $0.unicodeScalars.first!.value }
    static let closerScalars = closers.map { $0.unicodeScalars.first!.value }

    /// The numbering marker at the start of `line`, if any.
    static func marker(of line: String) -> (level: Int, label: String, rest: Substring)? {
        // Prose starts with a word: a stable first scalar that no marker starts with is no marker.
        if let first = PlainText.firstCharacterScalar(line), !mayStartMarker(first.value) { return nil }
        guard PlainText.isPlain(line) else { return characterMarker(of: line) }
        return line.withBytes { plainMarker(of: line, $0) }
    }

    static func mayStartMarker(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0x3000 || numeralScalars.contains(v) || v == 0x28 || v == 0xFF08 || (0x30...0x39).contains(v)
    }

    /// `marker(of:)` on the bytes of a plain line, where each scalar is a Character.
    private static func plainMarker(of line: String, _ b: UnsafeBufferPointer<UInt8>) -> (level: Int, label: String, rest: Substring)? {
        func scalar(_ i: Int) -> (UInt32, Int) { i < b.count ? PlainText.decode(b, at: i) : (0, 0) }
        func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
        func rest(_ i: Int) -> Substring { line[line.utf8.index(line.utf8.startIndex, offsetBy: i)...] }
        func run(from i: Int, while test: (UInt32) -> Bool) -> (end: Int, count: Int) {
            var (j, n) = (i, 0)
            while j < b.count, case let (c, length) = scalar(j), test(c) { j += length; n += 1 }
            return (j, n)
        }
        let isDigit = { (c: UInt32) in c >= 0x30 && c <= 0x39 }
        let isNumeral = { (c: UInt32) in numeralScalars.contains(c) }

        var i = 0
        while i < b.count, case let (c, length) = scalar(i), c == 0x20 || c == 0x3000 || c == 0x09 { i += length }
        guard i < b.count else { return nil }
        let first = scalar(i)
        if isNumeral(first.0) {
            let numeral = run(from: i, while: isNumeral)
            guard scalar(numeral.end).0 == 0x3001 else { return nil }                       // 、
            return (1, text(i..<numeral.end), rest(numeral.end + 3))
        }
        if first.0 == 0x28 || first.0 == 0xFF08 {                                          // ( （
            let inside = i + first.1
            let numeral = run(from: inside, while: isNumeral)
            let body = numeral.count > 0 ? numeral : run(from: inside, while: isDigit)
            let close = scalar(body.end)
            guard body.count > 0, body.count <= 3, close.0 == 0x29 || close.0 == 0xFF09 else { return nil }
            return (numeral.count > 0 ? 2 : 4, "(" + text(inside..<body.end) + ")", rest(body.end + close.1))
        }
        if isDigit(first.0) {
            let digits = run(from: i, while: isDigit)
            let dot = scalar(digits.end)
            guard digits.count <= 2, dot.0 == 0x2E || dot.0 == 0xFF0E || dot.0 == 0x3001 else { return nil }  // . ． 、
            // `2.2024 年…` lists a file, and `2.5` is a number: neither is an item.
            let restStart = digits.end + dot.1
            let next = scalar(restStart)
            guard next.1 > 0, !isDigit(next.0), next.0 != 0x20 || restStart + 1 < b.count else { return nil }
            return (3, text(i..<digits.end), rest(restStart))
        }
        return nil
    }

    /// `marker(of:)` by Characters, for text that is not plain.
    private static func characterMarker(of line: String) -> (level: Int, label: String, rest: Substring)? {
        let s = Substring(line).drop(while: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" })
        guard let first = s.first else { return nil }
        if chineseNumerals.contains(first) {
            let numeral = s.prefix(while: { chineseNumerals.contains($0) })
            let after = s.dropFirst(numeral.count)
            if after.first == "、" { return (1, String(numeral), after.dropFirst()) }
            return nil
        }
        if first == "(" || first == "（" {
            let inside = s.dropFirst()
            let numeral = inside.prefix(while: { chineseNumerals.contains($0) })
            let digits = inside.prefix(while: { $0.isASCII && $0.isNumber })
            let body = numeral.isEmpty ? digits : numeral
            let after = inside.dropFirst(body.count)
            guard !body.isEmpty, body.count <= 3, after.first == ")" || after.first == "）" else { return nil }
            return numeral.isEmpty ? (4, "(\(digits))", after.dropFirst()) : (2, "(\(numeral))", after.dropFirst())
        }
        if first.isASCII && first.isNumber {
            let digits = s.prefix(while: { $0.isASCII && $0.isNumber })
            let after = s.dropFirst(digits.count)
            guard digits.count <= 2, let dot = after.first, dot == "." || dot == "．" || dot == "、" else { return nil }
            let rest = after.dropFirst()
            // `2.2024 年…` lists a file, and `2.5` is a number: neither is an item.
            guard let next = rest.first, !(next.isASCII && next.isNumber), next != " " || rest.count > 1 else { return nil }
            return (3, String(digits), rest)
        }
        return nil
    }

    /// `附件1`, `附件 2`: the label of an annex marker.
    static func isAnnexMarker(_ text: String) -> String? {
        // Spaces aside, an annex marker starts with 附.
        if let first = PlainText.firstCharacterScalar(text), first != "附", first != " " { return nil }
        guard PlainText.isPlain(text) else {
            let t = text.replacingOccurrences(of: " ", with: "")
            guard t.hasPrefix("附件"), t.count <= 5 else { return nil }
            let label = t.dropFirst(2)
            return !label.isEmpty && label.allSatisfy({ $0.isNumber }) ? String(label) : nil
        }
        // Plain: drop the spaces, then 附件 and one to three number Characters.
        let scalars = text.unicodeScalars.lazy.filter { $0 != " " }
        guard scalars.starts(with: "附件".unicodeScalars) else { return nil }
        let label = scalars.dropFirst(2)
        guard (1...3).contains(label.count), label.allSatisfy({ $0.properties.numericType != nil }) else { return nil }
        return String(String.UnicodeScalarView(label))
    }

    static func isCaption(_ text: String) -> Bool {
        (PlainText.hasPrefix(text, "表 ") || PlainText.hasPrefix(text, "表\u{3000}") || PlainText.hasPrefix(text, "专栏"))
            && PlainText.count(text) <= 60
    }

    /// Paragraphs of the lines not `claimed` by tables or chrome. A claimed line ends a paragraph.
    static func read(_ file: SourceFile, claimed: LineSet, titleLine: Int?) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var open = false          // may the last paragraph take the next line?
        var expectAnnexTitle = false
        for n in 1...max(file.lines.count, 1) where n <= file.lines.count {
            if claimed.contains(n) { open = false; continue }
            let raw = file[line: n]
            let text = TextCleaning.collapse(raw)
            if text.isEmpty { continue }
            if n == titleLine {
                paragraphs.append(Paragraph(line: n, kind: .title, text: text))
                open = false
                continue
            }
            if let label = isAnnexMarker(text) {
                paragraphs.append(Paragraph(line: n, kind: .annex(label: label), text: text))
                open = false
                expectAnnexTitle = true
                continue
            }
            if expectAnnexTitle {
                paragraphs.append(Paragraph(line: n, kind: .caption, text: text))
                expectAnnexTitle = false
                open = false
                continue
            }
            if isCaption(text) {
                paragraphs.append(Paragraph(line: n, kind: .caption, text: text))
                open = false
                continue
            }
            if let m = marker(of: raw) {
                let body = TextCleaning.collapse(String(m.rest))
                paragraphs.append(Paragraph(line: n, kind: .item(level: m.level, label: m.label), text: body))
                // A short level-1 heading never runs on into the paragraph below it.
                open = m.level == 1 ? false : !endsComplete(body)
                continue
            }
            if open, var last = paragraphs.popLast() {
                last.text += text
                paragraphs.append(last)
            } else {
                paragraphs.append(Paragraph(line: n, kind: .plain, text: text))
            }
            open = !endsComplete(paragraphs.last!.text)
        }
        return paragraphs
    }

    static func endsComplete(_ text: String) -> Bool {
        if let last = PlainText.lastCharacterScalar(text) { return closerScalars.contains(last.value) }
        guard let last = text.last else { return true }
        return closers.contains(last)
    }
}
