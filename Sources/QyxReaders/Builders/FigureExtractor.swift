import QyxModel

/// Finds the quantities in one line of prose: numbers with a unit (90%, 1900元, 2.5亿元, 3家),
/// their operator (达到 → >=, 以下 → <=), the phrase they are about and the year they are for.
/// Years, dates, list numbers, document numbers and names with digits (5G, 1+4+N, 120急救)
/// are not figures.
struct FigureExtractor {
    struct Found: Equatable {
        var value: Double
        var unit: String?
        var op: ComparisonOp
        var subject: String
        var year: Int?
        var clause: String
        /// Character offset in the line, to keep figures in reading order.
        var offset: Int
    }

    /// Units, longest first so 个百分点 wins over 个. A 万/亿/千 before any of them multiplies.
    static let units: [String] = [
        "个百分点", "平方公里", "平方米", "立方米", "万人次", "人次", "公里", "千米", "分钟", "小时", "周岁", "个月",
        "批次", "学位", "床位", "元", "人", "个", "家", "所", "台", "张", "套", "间", "户", "名", "项", "场", "次",
        "期", "类", "种", "组", "班", "批", "倍", "岁", "秒", "天", "年", "米", "辆", "支", "条", "座", "处", "亩",
        "吨", "册", "件", "门", "份", "篇", "轮", "对", "%", "‰",
    ].sorted { $0.count > $1.count }
    static let multipliers = ["百万", "亿", "万", "千"]

    /// Words before a number, and the operator they mean.
    static let before: [(String, ComparisonOp)] = [
        ("不少于", .ge), ("不低于", .ge), ("至少", .ge), ("达到", .ge), ("提高到", .ge), ("提升到", .ge),
        ("提高至", .ge), ("提升至", .ge), ("达", .ge), ("超过", .gt), ("不超过", .le), ("不高于", .le), ("最高", .le),
        ("控制在", .le), ("低于", .lt), ("少于", .lt), ("小于", .lt),
    ].sorted { $0.0.count > $1.0.count }
    /// Words after a unit, and the operator they mean.
    static let after: [(String, ComparisonOp)] = [
        ("及以上", .ge), ("以上", .ge), ("及以下", .le), ("以下", .le), ("以内", .le),
    ]

    static let clauseEnds: Set<Character> = ["，", "。", "；", ";", "：", ":", "！", "？", ",", "\t"]
    /// A year stated early in a sentence (到2025年底，…；…) holds through its semicolons.
    static let sentenceEnds: Set<Character> = ["。", "！", "？", "\t"]
    static let dashes: Set<Character> = ["—", "–", "-", "~", "～", "至", "到"]

    /// Leading words that are actions, not part of what is counted.
    static let verbs = ["全面落实", "新增设", "累计建成", "建成", "新增", "新建", "完成", "实现", "开展", "组织", "培育", "打造",
                        "建设", "推进", "改造", "提升", "提高", "全面", "累计", "力争", "确保", "落实", "组建", "创建", "引进",
                        "招引", "举办", "培训", "设立", "建立", "配置", "配备", "保持", "每年", "全年", "年均", "其中", "共",
                        "全县", "我县", "全区", "我区", "新", "有"]

    let documentYear: Int?

    func extract(_ raw: String) -> [Found] {
        // Most lines of a table have no digit at all: ASCII digits, or full-width ０-９ (EF BC 90-99).
        guard raw.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 || $0 == 0xBC }) else { return [] }
        // Full-width digits and signs read as ASCII; one character for one, so offsets hold.
        let chars = raw.map(Self.fold)
        var found: [Found] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else { i += 1; continue }
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
            if next < chars.count, Self.dashes.contains(chars[next]), next + 1 < chars.count, chars[next + 1].isASCII, chars[next + 1].isNumber,
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
            for (word, o) in Self.after where Self.matches(chars, next, word) {
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
        for m in multipliers where matches(chars, p, m) {
            prefix = m
            break
        }
        var q = p + prefix.count
        // 1.2万余人: 余 and 多 say "a little more", the unit is still 万人.
        if q < chars.count, chars[q] == "余" || chars[q] == "多" { q += 1 }
        for u in units where matches(chars, q, u) {
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
        return next == "年" || Self.dashes.contains(next) || "〔[（(".contains(prev) || Self.dashes.contains(prev) || next == "学"
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
            let rest = chars[end...].prefix { !Self.clauseEnds.contains($0) }.prefix(12)
            if rest.contains("圈") { return true }
        }
        return false
    }

    static func operatorBefore(_ chars: [Character], _ start: Int) -> ComparisonOp {
        var p = start
        if p > 0, chars[p - 1] == " " { p -= 1 }
        for (symbol, op) in ComparisonOp.symbols where p >= symbol.count && matches(chars, p - symbol.count, symbol) { return op }
        for (word, op) in before where p >= word.count && matches(chars, p - word.count, word) { return op }
        return .eq
    }

    func figure(_ chars: [Character], _ start: Int, _ end: Int, value: Double, unit: String?, op: ComparisonOp, unitLength: Int? = nil) -> Found? {
        guard let unit else { return nil }
        var a = start
        while a > 0, !Self.clauseEnds.contains(chars[a - 1]) { a -= 1 }
        var b = end
        while b < chars.count, !Self.clauseEnds.contains(chars[b]) { b += 1 }
        let clause = TextCleaning.trim(String(chars[a..<b]))
        return Found(value: value, unit: unit, op: op, subject: subject(chars, clauseStart: a, start: start, end: end + (unitLength ?? unit.count), clauseEnd: b),
                     year: year(chars, start) ?? documentYear, clause: clause, offset: start)
    }

    /// A year stated in the figure's sentence: the last before it, else the first after it.
    func year(_ chars: [Character], _ position: Int) -> Int? {
        var a = position
        while a > 0, !Self.sentenceEnds.contains(chars[a - 1]) { a -= 1 }
        var b = position
        while b < chars.count, !Self.sentenceEnds.contains(chars[b]) { b += 1 }
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
        for word in Self.after.map(\.0) where tail.hasPrefix(word) { tail.removeFirst(word.count) }
        return String((head + Self.clean(tail, trailing: false)).prefix(16))
    }

    static func clean(_ text: String, trailing: Bool) -> String {
        var t = TextCleaning.trim(text.filter { !"“”\"「」《》（）()".contains($0) })
        // Years and 到/至 phrases are context, not subject.
        while let r = t.range(of: #"(到|至|在)?\d{4}年(底|末|前)?"#, options: .regularExpression) { t.removeSubrange(r) }
        var changed = true
        while changed {
            changed = false
            for v in verbs where t.hasPrefix(v) {
                t.removeFirst(v.count)
                changed = true
            }
        }
        if trailing {
            for (word, _) in before where t.hasSuffix(word) {
                t.removeLast(word.count)
                break
            }
            while t.hasSuffix("的") || t.hasSuffix("为") || t.hasSuffix("均") { t.removeLast() }
        }
        return TextCleaning.trim(t)
    }
}
