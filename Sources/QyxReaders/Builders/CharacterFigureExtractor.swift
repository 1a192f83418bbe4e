import Foundation
import QyxModel
import QyxText

/// The figure rules of `FigureExtractor` read over Swift `Character`s, exactly as first written:
/// slow, but right for any text, including combining marks and compatibility ideographs that a
/// scalar scanner cannot read one for one. `FigureExtractor` uses it for the rare lines
/// `FigureScanner` declines, and in debug builds checks the scanner against it on every line.
/// A change to the rules goes in both; the debug check (run by the test suite) catches a miss.
struct CharacterFigureExtractor {
    typealias Found = FigureExtractor.Found

    let documentYear: Int?
    let cancellation: Cancellation

    func extract(_ raw: String) -> [Found] {
        // Full-width digits and signs read as ASCII; one character for one, so offsets hold.
        let chars = raw.map(Self.fold)
        var found: [Found] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else { i += 1; continue }
            if cancellation.stopped() != nil { break }
            let start = i
            var end = i
            while end < chars.count, chars[end].isASCII, chars[end].isNumber { end += 1 }
            if end + 1 < chars.count, chars[end] == ".", chars[end + 1].isASCII, chars[end + 1].isNumber {
                end += 1
                while end < chars.count, chars[end].isASCII, chars[end].isNumber { end += 1 }
            }
            // Part of a longer token: 3.0 after a name, 12.5.3 and the like.
            if start > 0, chars[start - 1] == "." || chars[start - 1].isLetter && chars[start - 1].isASCII { i = end; continue }
            let number = String(chars[start..<end])
            let measured = Self.unit(chars, at: end)
            let unit = measured?.text
            var next = end + (measured?.length ?? 0)
            // A range, 80%—90% or 3-5个: the low end >=, the high end <=.
            if next < chars.count, FigureExtractor.dashes.contains(chars[next]), next + 1 < chars.count, chars[next + 1].isASCII, chars[next + 1].isNumber,
               !isYear(chars, start, end) {
                var e2 = next + 1
                while e2 < chars.count, chars[e2].isASCII, chars[e2].isNumber || chars[e2] == "." { e2 += 1 }
                let unitAfter = Self.unit(chars, at: e2)
                if let unit2 = unitAfter?.text ?? unit, unit == nil || unitAfter == nil || unit == unitAfter?.text {
                    if let low = Double(number), let high = Double(String(chars[(next + 1)..<e2])) {
                        let lowFigure = figure(chars, start, end, value: low, unit: unit ?? unit2, op: .ge)
                        let highFigure = figure(chars, next + 1, e2, value: high, unit: unit2, op: .le)
                        if let lowFigure, let highFigure { found += [lowFigure, highFigure] }
                        i = e2 + (unitAfter?.length ?? 0)
                        continue
                    }
                }
            }
            guard let unit, let value = Double(number), !notAFigure(chars, start, end, unit: unit) else { i = max(end, i + 1); continue }
            var op = Self.operatorBefore(chars, start)
            for (word, o) in FigureExtractor.after where Self.matches(chars, next, word) {
                op = o
                next += word.count
                break
            }
            if let f = figure(chars, start, end, value: value, unit: unit, op: op, unitLength: measured!.length) { found.append(f) }
            i = next
        }
        return found
    }

    static func fold(_ c: Character) -> Character {
        guard let s = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return c }
        switch s.value {
        case 0xFF10...0xFF19: return Character(UnicodeScalar(s.value - 0xFF10 + 0x30)!)
        case 0xFF05: return "%"
        case 0xFF0E: return "."
        case 0x00A0, 0x3000: return " "
        default: return c
        }
    }

    static func matches(_ chars: [Character], _ at: Int, _ word: String) -> Bool {
        guard at >= 0 else { return false }
        var i = at
        for c in word {
            guard i < chars.count, chars[i] == c else { return false }
            i += 1
        }
        return true
    }

    /// The unit right after a number (one space allowed), with its multiplier, and how many
    /// characters it takes: `15(间)` is 间 taking three.
    static func unit(_ chars: [Character], at position: Int) -> (text: String, length: Int)? {
        var p = position
        if p < chars.count, chars[p] == " " { p += 1 }
        if p < chars.count, chars[p] == "(" || chars[p] == "（", let inner = unit(chars, at: p + 1), inner.length == inner.text.count,
           p + 1 + inner.length < chars.count, ")）".contains(chars[p + 1 + inner.length]) {
            return (inner.text, p + 2 + inner.length - position)
        }
        var prefix = ""
        for m in FigureExtractor.multipliers where matches(chars, p, m) {
            prefix = m
            break
        }
        var q = p + prefix.count
        // 1.2万余人: 余 and 多 say "a little more", the unit is still 万人.
        if q < chars.count, chars[q] == "余" || chars[q] == "多" { q += 1 }
        for u in FigureExtractor.units where matches(chars, q, u) {
            if !prefix.isEmpty, u == "%" || u == "‰" { continue }
            return (prefix + u, q + u.count - position)
        }
        return nil
    }

    func isYear(_ chars: [Character], _ start: Int, _ end: Int) -> Bool {
        guard end - start == 4, let y = Int(String(chars[start..<end])), (1949...2100).contains(y) else { return false }
        let gap = end < chars.count && chars[end] == " " ? 1 : 0
        let next = end + gap < chars.count ? chars[end + gap] : " "
        let prev = start > 0 ? chars[start - 1] : " "
        return next == "年" || FigureExtractor.dashes.contains(next) || "〔[（(".contains(prev) || FigureExtractor.dashes.contains(prev) || next == "学"
    }

    /// Years, dates, list and document numbers, names with digits.
    func notAFigure(_ chars: [Character], _ start: Int, _ end: Int, unit: String) -> Bool {
        if isYear(chars, start, end) { return true }
        let prev = start > 0 ? chars[start - 1] : " "
        let next = end < chars.count ? chars[end] : " "
        if prev == "第" || prev == "+" || next == "+" || next == "号" || next == "月" { return true }
        if "(（".contains(prev), ")）".contains(next) { return true }
        // A list number at the start of the line: 1. 2、 3）
        if chars[..<start].allSatisfy({ $0 == " " }), ".、．)）\t".contains(next) { return true }
        // 15分钟…圈 names a service radius, not a duration.
        if unit == "分钟" {
            let rest = chars[end...].prefix(12).prefix { !FigureExtractor.clauseEnds.contains($0) }
            if rest.contains("圈") { return true }
        }
        return false
    }

    static func operatorBefore(_ chars: [Character], _ start: Int) -> ComparisonOp {
        var p = start
        if p > 0, chars[p - 1] == " " { p -= 1 }
        for (symbol, op) in ComparisonOp.symbols where p >= symbol.count && matches(chars, p - symbol.count, symbol) { return op }
        for (word, op) in FigureExtractor.before where p >= word.count && matches(chars, p - word.count, word) { return op }
        return .eq
    }

    func figure(_ chars: [Character], _ start: Int, _ end: Int, value: Double, unit: String?, op: ComparisonOp, unitLength: Int? = nil) -> Found? {
        guard let unit else { return nil }
        let reach = FigureExtractor.reach
        var a = start
        while a > 0, start - a < reach, !FigureExtractor.clauseEnds.contains(chars[a - 1]) { a -= 1 }
        var b = end
        while b < chars.count, b - end < reach, !FigureExtractor.clauseEnds.contains(chars[b]) { b += 1 }
        let clause = TextCleaning.trim(String(chars[a..<b]))
        return Found(value: value, unit: unit, op: op, subject: subject(chars, clauseStart: a, start: start, end: end + (unitLength ?? unit.count), clauseEnd: b),
                     year: year(chars, start) ?? documentYear, clause: clause, offset: start)
    }

    /// A year stated in the figure's sentence: the last before it, else the first after it.
    func year(_ chars: [Character], _ position: Int) -> Int? {
        let reach = FigureExtractor.reach
        var a = position
        while a > 0, position - a < reach, !FigureExtractor.sentenceEnds.contains(chars[a - 1]) { a -= 1 }
        var b = position
        while b < chars.count, b - position < reach, !FigureExtractor.sentenceEnds.contains(chars[b]) { b += 1 }
        var years: [(Int, Int)] = []
        var i = a
        while i + 4 < b + 1, i + 4 <= chars.count {
            let slice = chars[i..<(i + 4)]
            if slice.allSatisfy({ $0.isASCII && $0.isNumber }), i + 4 < chars.count, chars[i + 4] == "年",
               i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber), let y = Int(String(slice)), (2000...2100).contains(y) {
                years.append((i, y))
            }
            i += 1
        }
        return years.last { $0.0 < position }?.1 ?? years.first?.1
    }

    /// The phrase before the number, trimmed of actions, operators and years; when nothing is
    /// left (3家儿童友好医院), the phrase after the unit. 初中1900元/生·年的生均公用经费 joins both.
    func subject(_ chars: [Character], clauseStart: Int, start: Int, end: Int, clauseEnd: Int) -> String {
        var head = String(chars[clauseStart..<start])
        for sep in ["、", "和", "及", "与"] {
            if let r = head.range(of: sep, options: .backwards) { head = String(head[r.upperBound...]) }
        }
        head = Self.clean(head, trailing: true)
        var tail = String(chars[min(end, clauseEnd)..<clauseEnd])
        // 小学1500元/生·年、初中1900元/生·年的生均公用经费: the noun after 的 is shared by the list.
        if let shared = tail.range(of: #"^(/[^、的]*)?(、[^、的]{0,8}?\d[\d.]*[^、的]*)*的"#, options: .regularExpression) {
            tail = String(tail[shared.upperBound...])
            if tail.hasSuffix("标准") { tail.removeLast(2) }
            let joined = head + Self.clean(tail, trailing: false)
            return String(joined.suffix(16))
        }
        if head.count >= 2 { return String(head.suffix(16)) }
        for word in FigureExtractor.after.map(\.0) where tail.hasPrefix(word) { tail.removeFirst(word.count) }
        return String((head + Self.clean(tail, trailing: false)).prefix(16))
    }

    static func clean(_ text: String, trailing: Bool) -> String {
        var t = TextCleaning.trim(text.filter { !"“”\"「」《》（）()".contains($0) })
        // Years and 到/至 phrases are context, not subject.
        while let r = t.range(of: #"(到|至|在)?\d{4}年(底|末|前)?"#, options: .regularExpression) { t.removeSubrange(r) }
        var changed = true
        while changed {
            changed = false
            for v in FigureExtractor.verbs where t.hasPrefix(v) {
                t.removeFirst(v.count)
                changed = true
            }
        }
        if trailing {
            for (word, _) in FigureExtractor.before where t.hasSuffix(word) {
                t.removeLast(word.count)
                break
            }
            while t.hasSuffix("的") || t.hasSuffix("为") || t.hasSuffix("均") { t.removeLast() }
        }
        return TextCleaning.trim(t)
    }
}
