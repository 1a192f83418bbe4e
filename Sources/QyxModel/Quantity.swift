import Foundation
import QyxText

/// Comparison operators as targets state them (`≥280`, `<5`, `不低于65%`).
public enum ComparisonOp: String, Sendable, CaseIterable {
    case eq = "=", gt = ">", ge = ">=", lt = "<", le = "<="

    /// Symbol spellings found in the documents, longest first so `>=` wins over `>`.
    public static let symbols: [(String, ComparisonOp)] = [
        (">=", .ge), ("＞＝", .ge), ("≥", .ge), ("≧", .ge),
        ("<=", .le), ("＜＝", .le), ("≤", .le), ("≦", .le),
        (">", .gt), ("＞", .gt), ("<", .lt), ("＜", .lt), ("=", .eq), ("＝", .eq),
    ]

    /// `>=90%`, `1900元`: an operator (none for `=`), a value and its unit, written as one.
    public static func stated(_ op: ComparisonOp?, _ value: Double, _ unit: String?) -> String {
        (op == nil || op == .eq ? "" : op!.rawValue) + Value.format(value) + (unit ?? "")
    }

    /// Splits a leading operator symbol off `text`.
    public static func leading(in text: Substring) -> (ComparisonOp, Substring)? {
        for (symbol, op) in symbols where text.hasPrefix(symbol) {
            return (op, text.dropFirst(symbol.count))
        }
        return nil
    }
}

/// Unit normalization: magnitude prefixes (万, 亿, 千 …) fold into the value so that
/// `0.15万人` and `1500人` compare equal.
public enum Units {
    /// Multipliers a unit may start with. 千 is a multiplier only before a counted thing (千人),
    /// never in 千米 or 千克.
    private static let multipliers: [(String, Double)] = [("百万", 1e6), ("亿", 1e8), ("万", 1e4), ("千", 1e3)]
    private static let thousandCounts: Set<Character> = ["人", "户", "元", "个", "套", "间", "台", "张"]

    private static let thousandCountScalars = Set(thousandCounts.map { $0.unicodeScalars.first! })
    private static let multiplierStarts = multipliers.map { $0.0.unicodeScalars.first! }

    /// The base unit and factor for `unit` (`万人次` → `人次`, 10⁴).
    public static func base(of unit: String) -> (unit: String, factor: Double) {
        // Most units (%, 个, 人) start with no multiplier at all.
        if let first = PlainText.firstCharacterScalar(unit), !multiplierStarts.contains(first) { return (unit, 1) }
        guard PlainText.isPlain(unit) else { return baseByCharacters(of: unit) }
        // Plain text: a Character is a scalar, so prefixes and counts are bytes and scalars.
        for (prefix, factor) in multipliers where unit.utf8.starts(with: prefix.utf8) && unit.utf8.count > prefix.utf8.count {
            let rest = Substring(unit.utf8.dropFirst(prefix.utf8.count))
            if prefix == "千", !thousandCountScalars.contains(rest.unicodeScalars.first!) { continue }
            return (String(rest), factor)
        }
        return (unit, 1)
    }

    private static func baseByCharacters(of unit: String) -> (unit: String, factor: Double) {
        for (prefix, factor) in multipliers where unit.hasPrefix(prefix) && unit.count > prefix.count {
            let rest = String(unit.dropFirst(prefix.count))
            if prefix == "千", let first = rest.first, !thousandCounts.contains(first) { continue }
            return (rest, factor)
        }
        return (unit, 1)
    }

    /// `value` expressed in the base unit, rounded to hide binary noise (0.64 × 10⁴ = 6400).
    public static func normalize(_ value: Double, unit: String?) -> (value: Double, unit: String?) {
        guard let unit, !unit.isEmpty else { return (value, unit) }
        let (baseUnit, factor) = base(of: unit)
        return (roundNoise(value * factor), baseUnit)
    }

    /// Rounds to nine significant decimals, enough for any figure a plan states.
    public static func roundNoise(_ x: Double) -> Double {
        guard x != 0, x.isFinite else { return x }
        let magnitude = pow(10, 9 - floor(log10(abs(x))))
        return (x * magnitude).rounded() / magnitude
    }
}

/// One labelled number of a composite target (`职工85` of `职工85、城乡居民69`).
public struct TargetPart: Hashable, Sendable {
    public var label: String
    public var op: ComparisonOp
    public var value: Double
    public init(label: String, op: ComparisonOp, value: Double) {
        self.label = label
        self.op = op
        self.value = value
    }
}

/// What a target cell says: an operator and number, several labelled numbers, or words.
public struct TargetReading: Hashable, Sendable {
    public var op: ComparisonOp?
    public var value: Double?
    public var parts: [TargetPart]
    /// A unit written inside the cell itself (`100%`).
    public var cellUnit: String?

    public var isQualitative: Bool { value == nil && parts.isEmpty }

    /// Reads a target cell as written. Composite cells keep every part and get no single value.
    public static func parse(_ raw: String) -> TargetReading {
        let text = PlainText.trimmingWhitespace(raw)
        let qualitative = TargetReading(op: nil, value: nil, parts: [], cellUnit: nil)
        if text.isEmpty { return qualitative }
        // Plain text is read from its bytes, anything else by Characters.
        let plain = PlainText.isPlain(text)
        let parseSingle = plain ? parsePlainSingle : parseSingle
        if let single = parseSingle(Substring(text)) {
            return TargetReading(op: single.op, value: single.value, parts: [], cellUnit: single.unit)
        }
        // Words without a bracket or a list separator are all there is to most qualitative cells.
        if plain && !text.unicodeScalars.contains(where: compositeMarks.contains) { return qualitative }
        // 1(3): a count and a second count in brackets.
        if text.last == ")" || text.last == "）",
           let open = text.firstIndex(where: { $0 == "(" || $0 == "（" }),
           let outer = parseSingle(text[..<open]),
           let inner = parseSingle(text[text.index(after: open)..<text.index(before: text.endIndex)]) {
            return TargetReading(op: nil, value: nil, parts: [
                TargetPart(label: "", op: outer.op, value: outer.value),
                TargetPart(label: "()", op: inner.op, value: inner.value),
            ], cellUnit: nil)
        }
        // 职工85、城乡居民69: labelled parts separated by list punctuation.
        let pieces = text.split(whereSeparator: { "、，,；;".contains($0) })
        if pieces.count >= 2 {
            var parts: [TargetPart] = []
            for piece in pieces {
                guard let digit = piece.firstIndex(where: { $0.isNumber || "<>≥≤≧≦＞＜=".contains($0) }),
                      let number = parseSingle(piece[digit...]) else { return qualitative }
                let label = PlainText.trimmingWhitespace(piece[..<digit])
                parts.append(TargetPart(label: label, op: number.op, value: number.value))
            }
            return TargetReading(op: nil, value: nil, parts: parts, cellUnit: nil)
        }
        return qualitative
    }

    static let compositeMarks: [Unicode.Scalar] = ["(", "（", "、", "，", ",", "；", ";"]
    static let symbolBytes = ComparisonOp.symbols.map { (Array($0.0.utf8), $0.1) }

    /// `parseSingle` on the bytes of plain text, where every Character is one scalar.
    static func parsePlainSingle(_ text: Substring) -> (op: ComparisonOp, value: Double, unit: String?)? {
        PlainText.withBytes(text) { b -> (op: ComparisonOp, value: Double, unit: String?)? in
            func isDigit(_ i: Int) -> Bool { i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
            func has(_ word: [UInt8], at i: Int) -> Bool {
                i + word.count <= b.count && UnsafeBufferPointer(rebasing: b[i...]).starts(with: word)
            }
            var i = 0
            func skipSpaces() {                                     // PlainText.isSpace
                while i < b.count {
                    if b[i] == 0x20 || b[i] == 0x09 { i += 1 } else if has([0xC2, 0xA0], at: i) { i += 2 }
                    else if has([0xE3, 0x80, 0x80], at: i) { i += 3 } else { return }
                }
            }
            skipSpaces()
            var op = ComparisonOp.eq
            if !isDigit(i), let (symbol, found) = symbolBytes.first(where: { has($0.0, at: i) }) {
                op = found
                i += symbol.count
                skipSpaces()
            }
            let start = i
            while isDigit(i) || (i < b.count && b[i] == UInt8(ascii: ".")) { i += 1 }
            let digits = UnsafeBufferPointer(rebasing: b[start..<i])
            guard i > start, let value = DecimalDigits.double(digits.lazy.map(UInt32.init), orElse: { String(decoding: digits, as: UTF8.self) })
            else { return nil }
            if i == b.count { return (op, value, nil) }
            let tail = PlainText.trimmingWhitespace(String(decoding: UnsafeBufferPointer(rebasing: b[i...]), as: UTF8.self))
            if tail.isEmpty { return (op, value, nil) }
            if tail == "%" || tail == "％" { return (op, value, "%") }
            if tail == "‰" { return (op, value, "‰") }
            return nil
        }
    }

    /// `≥ 93`, `<5`, `100%`, `72.5%`: an optional operator, a number, an optional trailing unit.
    static func parseSingle(_ text: Substring) -> (op: ComparisonOp, value: Double, unit: String?)? {
        var rest = text.drop(while: PlainText.isSpace)
        var op = ComparisonOp.eq
        if let (found, after) = ComparisonOp.leading(in: rest) {
            op = found
            rest = after.drop(while: PlainText.isSpace)
        }
        let digits = rest.prefix(while: { $0.isASCII && ($0.isNumber || $0 == ".") })
        guard !digits.isEmpty, let value = Double(digits) else { return nil }
        let tail = rest.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        if tail.isEmpty { return (op, value, nil) }
        if tail == "%" || tail == "％" { return (op, value, "%") }
        if tail == "‰" { return (op, value, "‰") }
        return nil
    }
}

/// Splits the unit off an indicator name: `普惠托位占比(%)` → (`普惠托位占比`, `%`).
public enum IndicatorName {
    public static func split(_ raw: String) -> (name: String, unit: String?) {
        let text = PlainText.trimmingWhitespace(raw)
        if let last = PlainText.lastCharacterScalar(text), last != ")" && last != "）" { return (text, nil) }
        if PlainText.isPlain(text) { return splitPlain(text) }
        guard let index = trailingGroupStart(text) else { return (text, nil) }
        let inner = String(text[text.index(after: index)..<text.index(before: text.endIndex)])
        guard looksLikeUnit(inner) else { return (text, nil) }
        let name = text[..<index].trimmingCharacters(in: .whitespaces)
        return (name, inner.trimmingCharacters(in: .whitespaces))
    }

    /// `split` over the scalars of plain text, where every Character is one scalar.
    static func splitPlain(_ text: String) -> (name: String, unit: String?) {
        let scalars = text.unicodeScalars
        guard let index = trailingGroupStart(scalars) else { return (text, nil) }
        let inner = text[scalars.index(after: index)..<scalars.index(before: scalars.endIndex)]
        let unit = PlainText.trimmingWhitespace(inner)
        guard !unit.isEmpty, unit.unicodeScalars.count <= 6,
              !qualifiers.contains(where: { TextSearch.contains(unit, $0) }) else { return (text, nil) }
        return (PlainText.trimmingWhitespace(text[..<index]), unit)
    }

    static let qualifiers = ["含", "及", "和", "助理", "不", "试行"]

    /// Where the bracketed group that ends `text` opens (units may nest: 套(间)), if `text` ends
    /// in one and something comes before it. Over Characters, or over the scalars of plain text.
    static func trailingGroupStart<C: BidirectionalCollection>(_ text: C) -> C.Index?
    where C.Element: Equatable & ExpressibleByUnicodeScalarLiteral {
        guard let last = text.last, last == ")" || last == "）" else { return nil }
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            text.formIndex(before: &index)
            let c = text[index]
            if c == ")" || c == "）" { depth += 1 }
            if c == "(" || c == "（" {
                depth -= 1
                if depth == 0 { break }
            }
        }
        return depth == 0 && index > text.startIndex ? index : nil
    }

    /// Units are short and never a qualifier such as (含大病保险) or (助理).
    static func looksLikeUnit(_ s: String) -> Bool {
        let t = s.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.count <= 6 else { return false }
        return !qualifiers.contains { t.contains($0) }
    }
}
