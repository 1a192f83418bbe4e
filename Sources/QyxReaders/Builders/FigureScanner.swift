import QyxModel
import QyxText

/// `FigureExtractor`'s rules, read over one scalar per `Character` of a line: no grapheme
/// breaking, no normalizing comparisons, no Foundation searches or regular expressions, and
/// Strings built only for what a figure keeps. A plain line (see `PlainText.isStable`) is its
/// scalars as they are; any other line is read once into `PlainText.characterScalars`, so the
/// same rules see the same Characters (combining marks, emoji sequences, decomposed forms).
struct FigureScanner {
    typealias Found = FigureExtractor.Found
    typealias Word = [Unicode.Scalar]

    /// The line, one scalar a character, full-width digits and signs folded to ASCII.
    let chars: [Unicode.Scalar]
    /// The Characters that placeholders in `chars` stand for; empty on a plain line.
    let clusters: [String]
    let documentYear: Int?
    let cancellation: Cancellation

    init(_ raw: String, documentYear: Int?, cancellation: Cancellation) {
        var plain = true
        // Written in place: appending checked the array's room and uniqueness at every scalar.
        // Decoded from the bytes: the scalar view's iterator cost several times as much.
        var raw = raw
        let scalars = raw.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var i = 0
                while i < bytes.count {
                    let (value, length) = PlainText.decode(bytes, at: i)
                    // Most of a line is ASCII or ideographs: test them before the other ranges.
                    guard value < 0x80 ? value != 0x0D : (value >= 0x4E00 && value <= 0x9FFF) || PlainText.isStable(value)
                    else { plain = false; return }
                    buffer[count] = Self.fold(Unicode.Scalar(value).unsafelyUnwrapped)
                    count += 1
                    i += length
                }
            }
        }
        if plain {
            (chars, clusters) = (scalars, [])
        } else {
            let read = PlainText.characterScalars(raw)
            (chars, clusters) = (read.scalars.map(Self.fold), read.clusters)
        }
        self.documentYear = documentYear
        self.cancellation = cancellation
    }

    /// Full-width digits and signs as ASCII, ideographic and no-break spaces as a space.
    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0xFF10...0xFF19: Unicode.Scalar(UInt8(s.value - 0xFF10 + 0x30))
        case 0xFF05: "%"
        case 0xFF0E: "."
        case 0x00A0, 0x3000: " "
        default: s
        }
    }

    // MARK: Rules as scalars

    static func word(_ s: String) -> Word { Array(s.unicodeScalars) }
    static func scalars(_ set: Set<Character>) -> [Unicode.Scalar] { set.map { $0.unicodeScalars.first! } }

    /// Units longest first, grouped by their first scalar, each with the text it reads as.
    static let unitsByFirst: [Unicode.Scalar: [(word: Word, text: String)]] =
        Dictionary(grouping: FigureExtractor.units.map { (word: word($0), text: $0) }, by: { $0.word[0] })
    static let multipliers = FigureExtractor.multipliers.map { (word: word($0), text: $0) }
    static let symbols = ComparisonOp.symbols.map { (word: word($0.0), op: $0.1) }
    static let before = FigureExtractor.before.map { (word: word($0.0), op: $0.1) }
    static let after = FigureExtractor.after.map { (word: word($0.0), op: $0.1) }
    static let verbs = FigureExtractor.verbs.map(word)
    static let clauseEnds = scalars(FigureExtractor.clauseEnds)
    static let sentenceEnds = scalars(FigureExtractor.sentenceEnds)
    static let dashes = scalars(FigureExtractor.dashes)
    /// Marks `clean` drops wherever they are.
    static let quotes = word("“”\"「」《》（）()")
    /// A subject starts after the last of these before the number, taken in this order.
    static let listSeparators: Word = ["、", "和", "及", "与"]

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    static func isASCIILetter(_ s: Unicode.Scalar) -> Bool { s.value >= 0x41 && s.value <= 0x5A || s.value >= 0x61 && s.value <= 0x7A }

    // MARK: Reading the line

    /// The figures of the line, in reading order.
    func figures() -> [Found] {
        let n = chars.count
        var found: [Found] = []
        var i = 0
        while i < n {
            guard Self.isDigit(chars[i]) else { i += 1; continue }
            if cancellation.stopped() != nil { break }
            let start = i
            var end = digitsEnd(from: i)
            if end + 1 < n, chars[end] == ".", Self.isDigit(chars[end + 1]) { end = digitsEnd(from: end + 1) }
            // Part of a longer token: 3.0 after a name, 12.5.3 and the like.
            if start > 0, chars[start - 1] == "." || Self.isASCIILetter(chars[start - 1]) { i = end; continue }
            let measured = unit(at: end)
            var next = end + (measured?.length ?? 0)
            if let (pair, resume) = range(start, end, unit: measured, dash: next) {
                found += pair
                i = resume
                continue
            }
            guard let measured, let value = number(start..<end), !notAFigure(start, end, unit: measured.text) else { i = max(end, i + 1); continue }
            var op = operatorBefore(start)
            if let (word, o) = Self.after.first(where: { matches(next, $0.word) }) {
                op = o
                next += word.count
            }
            found.append(figure(start, end, value: value, unit: measured.text, op: op, unitLength: measured.length))
            i = next
        }
        return found
    }

    /// A range, 80%—90% or 3-5个: the low end >=, the high end <=, and where reading resumes.
    /// Nil unless a dash leads to a second number whose unit agrees (either may have none).
    func range(_ start: Int, _ end: Int, unit measured: (text: String, length: Int)?, dash: Int) -> (figures: [Found], resume: Int)? {
        let n = chars.count
        guard dash + 1 < n, Self.dashes.contains(chars[dash]), Self.isDigit(chars[dash + 1]), !isYear(start, end) else { return nil }
        var highEnd = dash + 1
        while highEnd < n, Self.isDigit(chars[highEnd]) || chars[highEnd] == "." { highEnd += 1 }
        let unit = measured?.text, unitAfter = self.unit(at: highEnd)
        guard let highUnit = unitAfter?.text ?? unit, unit == nil || unitAfter == nil || unit == unitAfter?.text,
              let low = number(start..<end), let high = number((dash + 1)..<highEnd) else { return nil }
        return ([figure(start, end, value: low, unit: unit ?? highUnit, op: .ge), figure(dash + 1, highEnd, value: high, unit: highUnit, op: .le)],
                highEnd + (unitAfter?.length ?? 0))
    }

    /// The end of the run of ASCII digits from `i`.
    func digitsEnd(from i: Int) -> Int {
        var end = i
        while end < chars.count, Self.isDigit(chars[end]) { end += 1 }
        return end
    }

    /// `Double` of the digits and dots in `range`, nil for 1.2.3.
    func number(_ range: Range<Int>) -> Double? { DecimalDigits.double(chars[range].lazy.map(\.value), orElse: { text(range) }) }

    /// The number of four ASCII digits at `range`, else nil.
    func fourDigits(_ range: Range<Int>) -> Int? {
        guard range.count == 4, range.upperBound <= chars.count else { return nil }
        var value = 0
        for s in chars[range] {
            guard Self.isDigit(s) else { return nil }
            value = value * 10 + Int(s.value - 0x30)
        }
        return value
    }

    /// Whether `word` is spelled at `at` (which may be out of the line).
    func matches(_ at: Int, _ word: Word) -> Bool {
        at >= 0 && at + word.count <= chars.count && chars[at..<(at + word.count)].elementsEqual(word)
    }

    /// The characters in `range` as a String.
    func text(_ range: Range<Int>) -> String { string(chars[range]) }

    /// UTF-8 written straight into the new String: `unicodeScalars.append(contentsOf:)` is
    /// generic code the optimizer does not specialize, several times slower. Placeholders
    /// spell the Characters they stand for.
    func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        guard clusters.isEmpty else {
            return scalars.reduce(into: "") { out, s in
                if PlainText.isPlaceholder(s) { out += clusters[PlainText.placeholderIndex(s)] } else { out.unicodeScalars.append(s) }
            }
        }
        return String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var n = 0
            for s in scalars {
                for byte in s.utf8 {
                    buffer[n] = byte
                    n += 1
                }
            }
            return n
        }
    }

    /// The unit right after a number (one space allowed), with its multiplier, and how many
    /// characters it takes: `15(间)` is 间 taking three.
    func unit(at position: Int) -> (text: String, length: Int)? {
        let n = chars.count
        var p = position
        if p < n, chars[p] == " " { p += 1 }
        if p < n, chars[p] == "(" || chars[p] == "（", let inner = unit(at: p + 1), inner.length == inner.text.unicodeScalars.count,
           p + 1 + inner.length < n, chars[p + 1 + inner.length] == ")" || chars[p + 1 + inner.length] == "）" {
            return (inner.text, p + 2 + inner.length - position)
        }
        let prefix = Self.multipliers.first { matches(p, $0.word) }
        var q = p + (prefix?.word.count ?? 0)
        // 1.2万余人: 余 and 多 say "a little more", the unit is still 万人.
        if q < n, chars[q] == "余" || chars[q] == "多" { q += 1 }
        guard q < n, let candidates = Self.unitsByFirst[chars[q]] else { return nil }
        for u in candidates where matches(q, u.word) {
            if prefix != nil, u.text == "%" || u.text == "‰" { continue }
            return ((prefix?.text ?? "") + u.text, q + u.word.count - position)
        }
        return nil
    }

    /// A year 1949-2100 followed by 年, 学 or a dash, or after a bracket or dash.
    func isYear(_ start: Int, _ end: Int) -> Bool {
        guard let y = fourDigits(start..<end), (1949...2100).contains(y) else { return false }
        let n = chars.count
        let gap = end < n && chars[end] == " " ? 1 : 0
        let next: Unicode.Scalar = end + gap < n ? chars[end + gap] : " "
        let prev: Unicode.Scalar = start > 0 ? chars[start - 1] : " "
        return next == "年" || Self.dashes.contains(next) || "〔[（(".unicodeScalars.contains(prev) || Self.dashes.contains(prev) || next == "学"
    }

    /// Years, dates, list and document numbers, names with digits.
    func notAFigure(_ start: Int, _ end: Int, unit: String) -> Bool {
        if isYear(start, end) { return true }
        let prev: Unicode.Scalar = start > 0 ? chars[start - 1] : " "
        let next: Unicode.Scalar = end < chars.count ? chars[end] : " "
        if prev == "第" || prev == "+" || next == "+" || next == "号" || next == "月" { return true }
        if prev == "(" || prev == "（", next == ")" || next == "）" { return true }
        // A list number at the start of the line: 1. 2、 3）
        if chars[..<start].allSatisfy({ $0 == " " }), ".、．)）\t".unicodeScalars.contains(next) { return true }
        // 15分钟…圈 names a service radius, not a duration.
        if unit == "分钟" {
            let rest = chars[end...].prefix(12).prefix { !Self.clauseEnds.contains($0) }
            if rest.contains("圈") { return true }
        }
        return false
    }

    /// The operator a symbol or word right before the number states (one space allowed).
    func operatorBefore(_ start: Int) -> ComparisonOp {
        var p = start
        if p > 0, chars[p - 1] == " " { p -= 1 }
        for (word, op) in Self.symbols where matches(p - word.count, word) { return op }
        for (word, op) in Self.before where matches(p - word.count, word) { return op }
        return .eq
    }

    /// The figure for the number at `start..<end`: its clause, subject and year.
    func figure(_ start: Int, _ end: Int, value: Double, unit: String, op: ComparisonOp, unitLength: Int? = nil) -> Found {
        let reach = FigureExtractor.reach
        var a = start
        while a > 0, start - a < reach, !Self.clauseEnds.contains(chars[a - 1]) { a -= 1 }
        var b = end
        while b < chars.count, b - end < reach, !Self.clauseEnds.contains(chars[b]) { b += 1 }
        let subjectEnd = end + (unitLength ?? unit.unicodeScalars.count)
        return Found(value: value, unit: unit, op: op, subject: subject(clauseStart: a, start: start, end: subjectEnd, clauseEnd: b),
                     year: year(start) ?? documentYear, clause: string(Self.trimmed(chars[a..<b])), offset: start)
    }

    /// A year stated in the figure's sentence: the last before it, else the first after it.
    func year(_ position: Int) -> Int? {
        let n = chars.count, reach = FigureExtractor.reach
        var a = position
        while a > 0, position - a < reach, !Self.sentenceEnds.contains(chars[a - 1]) { a -= 1 }
        var b = position
        while b < n, b - position < reach, !Self.sentenceEnds.contains(chars[b]) { b += 1 }
        var first: Int?, lastBefore: Int?
        var i = a
        while i + 4 <= b {
            if i + 4 < n, chars[i + 4] == "年", i == 0 || !Self.isDigit(chars[i - 1]),
               let y = fourDigits(i..<(i + 4)), (2000...2100).contains(y) {
                if first == nil { first = y }
                if i < position { lastBefore = y }
            }
            i += 1
        }
        return lastBefore ?? first
    }

    // MARK: Subject

    /// The phrase before the number, trimmed of actions, operators and years; when nothing is
    /// left (3家儿童友好医院), the phrase after the unit. 初中1900元/生·年的生均公用经费 joins both.
    func subject(clauseStart: Int, start: Int, end: Int, clauseEnd: Int) -> String {
        var headStart = clauseStart
        for separator in Self.listSeparators {
            if let last = chars[headStart..<start].lastIndex(of: separator) { headStart = last + 1 }
        }
        let head = Self.clean(chars[headStart..<start], trailing: true)
        var tail = chars[min(end, clauseEnd)..<clauseEnd]
        // 小学1500元/生·年、初中1900元/生·年的生均公用经费: the noun after 的 is shared by the list.
        if let shared = sharedNounStart(tail) {
            tail = tail[shared...]
            if tail.count >= 2, tail.suffix(2).elementsEqual(["标", "准"]) { tail.removeLast(2) }
            return string((head + Self.clean(tail, trailing: false)).suffix(16))
        }
        if head.count >= 2 { return string(head.suffix(16)) }
        for (word, _) in Self.after where tail.starts(with: word) { tail.removeFirst(word.count) }
        return string((head + Self.clean(tail, trailing: false)).prefix(16))
    }

    /// Where the shared noun starts when `tail` reads `(/…)?(、…N…)*的`: an optional `/生·年`,
    /// then list items that each hold a digit in their first nine characters, then 的. It is
    /// the regular expression `^(/[^、的]*)?(、[^、的]{0,8}?\d[\d.]*[^、的]*)*的` by hand: every
    /// part but the first 、 and the final 的 runs to the next 、 or 的, so nothing backtracks.
    func sharedNounStart(_ tail: ArraySlice<Unicode.Scalar>) -> Int? {
        func itemEnd(_ from: Int) -> Int { tail[from...].firstIndex { $0 == "、" || $0 == "的" } ?? tail.endIndex }
        var p = tail.startIndex
        if p < tail.endIndex, tail[p] == "/" { p = itemEnd(p + 1) }
        while p < tail.endIndex, tail[p] == "、" {
            let end = itemEnd(p + 1)
            guard tail[(p + 1)..<min(end, p + 10)].contains(where: Self.isDigit) else { break }
            p = end
        }
        return p < tail.endIndex && tail[p] == "的" ? p + 1 : nil
    }

    /// A subject phrase without quotes and brackets, years, leading actions and, when
    /// `trailing`, a trailing operator word and 的/为/均.
    static func clean(_ text: ArraySlice<Unicode.Scalar>, trailing: Bool) -> ArraySlice<Unicode.Scalar> {
        var t = trimmed(ArraySlice(text.filter { !quotes.contains($0) }))
        // Years and 到/至 phrases are context, not subject. After a removal the next phrase
        // starts at most 6 characters before it (one may form across the join), never earlier:
        // searching on from there keeps this linear.
        var from = t.startIndex
        while let year = yearPhrase(in: t, from: from) {
            t.removeSubrange(year)
            from = max(t.startIndex, year.lowerBound - 6)
        }
        var changed = true
        while changed {
            changed = false
            for verb in verbs where t.starts(with: verb) {
                t.removeFirst(verb.count)
                changed = true
            }
        }
        if trailing {
            if let (word, _) = before.first(where: { t.suffix($0.word.count).elementsEqual($0.word) }) { t.removeLast(word.count) }
            while let last = t.last, last == "的" || last == "为" || last == "均" { t.removeLast() }
        }
        return trimmed(t)
    }

    /// The first `(到|至|在)?\d{4}年(底|末|前)?` in `t` starting at `from` or later.
    static func yearPhrase(in t: ArraySlice<Unicode.Scalar>, from: Int) -> Range<Int>? {
        for start in from..<t.endIndex {
            var p = start
            if t[p] == "到" || t[p] == "至" || t[p] == "在" { p += 1 }
            guard p + 4 < t.endIndex, t[p..<(p + 4)].allSatisfy(isDigit), t[p + 4] == "年" else { continue }
            var end = p + 5
            if end < t.endIndex, t[end] == "底" || t[end] == "末" || t[end] == "前" { end += 1 }
            return start..<end
        }
        return nil
    }

    /// `TextCleaning.trim` over scalars.
    static func trimmed(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        guard let first = s.firstIndex(where: { !PlainText.isSpace($0) }) else { return [] }
        let last = s.lastIndex(where: { !PlainText.isSpace($0) })!
        return s[first...last]
    }
}
