/// The patterns that settle a document's region and period, matched by hand over Unicode
/// scalars. They were regular expressions; on Linux each match bridged the text to UTF-16 and
/// took a lock, a visible part of loading thousands of documents. Each function states its
/// expression and finds exactly what ICU found for it (a test holds them to ICU).
enum DocumentPatterns {
    /// `([^\P{Han}年省的和与及、对在为]{2,8}?[县区市])(?:基本)?公共服务`: the leftmost county,
    /// district or city named just before 公共服务, as group 1.
    static func region(in text: String) -> String? {
        let u = Array(text.unicodeScalars)
        for start in u.indices {
            // The lazy {2,8}?: the shortest run of name characters that a 县/区/市 and 公共服务 end.
            var run = 0
            while run < 8, start + run < u.count, isNameCharacter(u[start + run]) { run += 1 }
            guard run >= 2 else { continue }
            for length in 2...run {
                let end = start + length
                if end < u.count, regionEnds.contains(u[end]), startsService(u, at: end + 1) {
                    return String(String.UnicodeScalarView(u[start...end]))
                }
            }
        }
        return nil
    }

    /// `(\d{4})\s*[—–\-~～至]\s*(\d{4})\s*年`: the leftmost year range, its two years as written.
    static func yearRange(in text: String) -> (String, String)? {
        let u = Array(text.unicodeScalars)
        for start in u.indices where fourDigits(u, at: start) {
            var i = skipSpaces(u, from: start + 4)
            guard i < u.count, rangeDashes.contains(u[i]) else { continue }
            i = skipSpaces(u, from: i + 1)
            guard fourDigits(u, at: i) else { continue }
            let end = skipSpaces(u, from: i + 4)
            guard end < u.count, u[end] == "年" else { continue }
            return (string(u[start..<start + 4]), string(u[i..<i + 4]))
        }
        return nil
    }

    /// `^(\d{4})\s*年`: the year that starts `text`, as written.
    static func leadingYear(in text: String) -> String? {
        let u = Array(text.unicodeScalars)
        guard fourDigits(u, at: 0) else { return nil }
        let end = skipSpaces(u, from: 4)
        return end < u.count && u[end] == "年" ? string(u[0..<4]) : nil
    }

    private static let regionEnds: Set<Unicode.Scalar> = ["县", "区", "市"]
    private static let excluded: Set<Unicode.Scalar> = ["年", "省", "的", "和", "与", "及", "、", "对", "在", "为"]
    private static let rangeDashes: Set<Unicode.Scalar> = ["—", "–", "-", "~", "～", "至"]
    private static let service = Array("公共服务".unicodeScalars), basicService = Array("基本公共服务".unicodeScalars)

    private static func isNameCharacter(_ c: Unicode.Scalar) -> Bool { isHan(c) && !excluded.contains(c) }

    private static func startsService(_ u: [Unicode.Scalar], at i: Int) -> Bool {
        [basicService, service].contains { word in i + word.count <= u.count && u[i..<i + word.count].elementsEqual(word) }
    }

    /// ICU's `\d`: a decimal digit of any script (Int() later turns down all but ASCII ones).
    private static func fourDigits(_ u: [Unicode.Scalar], at i: Int) -> Bool {
        i + 4 <= u.count && u[i..<i + 4].allSatisfy { ("0"..."9").contains($0) || $0.value >= 0x80 && $0.properties.numericType == .decimal }
    }

    /// ICU's `\s`: a White_Space character (tab to carriage return, NEL, the Z categories).
    private static func skipSpaces(_ u: [Unicode.Scalar], from i: Int) -> Int {
        var i = i
        while i < u.count, isICUWhitespace(u[i]) { i += 1 }
        return i
    }

    /// Not `PlainText.isSpace`: these patterns were regular expressions, and `\s` there is
    /// every White_Space scalar (line breaks, NEL, U+2000 spaces), which they keep matching.
    private static func isICUWhitespace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }

    /// `\p{Han}`: Script=Han in Unicode 15.1's Scripts.txt (Swift has no script property).
    private static func isHan(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: return true  // the common blocks, tried first
        case 0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x3005, 0x3007, 0x3021...0x3029, 0x3038...0x303B,
             0xF900...0xFA6D, 0xFA70...0xFAD9, 0x16FE2, 0x16FE3, 0x16FF0...0x16FF1, 0x20000...0x2A6DF, 0x2A700...0x2B739,
             0x2B740...0x2B81D, 0x2B820...0x2CEA1, 0x2CEB0...0x2EBE0, 0x2EBF0...0x2EE5D, 0x2F800...0x2FA1D,
             0x30000...0x3134A, 0x31350...0x323AF:
            return true
        default: return false
        }
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(scalars)) }
}
