import Foundation

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

    /// The numbering marker at the start of `line`, if any.
    static func marker(of line: String) -> (level: Int, label: String, rest: Substring)? {
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

    static func isAnnexMarker(_ text: String) -> String? {
        let t = text.replacingOccurrences(of: " ", with: "")
        guard t.hasPrefix("附件"), t.count <= 5 else { return nil }
        let label = t.dropFirst(2)
        return !label.isEmpty && label.allSatisfy({ $0.isNumber }) ? String(label) : nil
    }

    static func isCaption(_ text: String) -> Bool {
        (text.hasPrefix("表 ") || text.hasPrefix("表\u{3000}") || text.hasPrefix("专栏")) && text.count <= 60
    }

    /// Paragraphs of the lines not `claimed` by tables or chrome. A claimed line ends a paragraph.
    static func read(_ file: SourceFile, claimed: Set<Int>, titleLine: Int?) -> [Paragraph] {
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
        guard let last = text.last else { return true }
        return closers.contains(last)
    }
}
