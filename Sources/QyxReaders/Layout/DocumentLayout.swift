import Foundation
import QyxModel
import QyxText

/// Helpers shared by the layout readers.
enum DocumentLayout {
    /// `2022年` or `2022` as a table column for that year.
    static func yearColumn(_ s: String) -> Int? {
        var t = TextCleaning.trim(s)
        // Four one-byte digits and a Character equal to 年 (U+5E74 or U+F98E) take 7 bytes at most.
        guard t.utf8.count <= 7 else { return nil }
        if t.hasSuffix("年") { t.removeLast() }
        guard t.count == 4, t.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(t), (1990...2100).contains(y) else { return nil }
        return y
    }

    /// The nearest non-blank line above `line`, when it reads like a caption rather than prose.
    static func caption(before line: Int, in file: SourceFile) -> String? {
        var n = line - 1
        while n >= 1 {
            let text = TextCleaning.collapse(file[line: n])
            if !text.isEmpty {
                return PlainText.count(text) <= 60 && OutlineReader.marker(of: text) == nil ? text : nil
            }
            n -= 1
        }
        return nil
    }

    /// `2024年3月26日` → `2024-03-26`.
    static func chineseDate(_ s: String) -> String? {
        let t = TextCleaning.trim(s)
        // A date starts with a digit and ends in 日: other whole first or last Characters rule it out.
        if let first = PlainText.firstCharacterScalar(t), !(0x30...0x39).contains(first.value) { return nil }
        if let last = PlainText.lastCharacterScalar(t), last != "日" { return nil }
        if PlainText.isPlain(t) { return plainDate(t) }
        let scalars = Array(t)
        var numbers: [Int] = []
        var current = ""
        var separators: [Character] = []
        for c in scalars {
            if c.isASCII && c.isNumber { current.append(c); continue }
            guard !current.isEmpty, let v = Int(current) else { return nil }
            numbers.append(v)
            separators.append(c)
            current = ""
        }
        guard numbers.count == 3, separators == ["年", "月", "日"], current.isEmpty else { return nil }
        return String(format: "%04d-%02d-%02d", numbers[0], numbers[1], numbers[2])
    }

    private static let dateSeparators = ["年", "月", "日"].map { Array($0.utf8) }

    /// `chineseDate` on the bytes of plain text: digits, 年, digits, 月, digits, 日.
    private static func plainDate(_ t: String) -> String? {
        let numbers: [Int]? = t.withBytes { b in
            var numbers: [Int] = []
            var start = 0, i = 0
            while i < b.count {
                if b[i] >= 0x30 && b[i] <= 0x39 { i += 1; continue }
                guard numbers.count < 3, i > start,
                      UnsafeBufferPointer(rebasing: b[i...]).starts(with: dateSeparators[numbers.count]),
                      let v = Int(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)) else { return nil }
                numbers.append(v)
                i += 3
                start = i
            }
            return numbers.count == 3 && start == b.count ? numbers : nil
        }
        guard let numbers else { return nil }
        return String(format: "%04d-%02d-%02d", numbers[0], numbers[1], numbers[2])
    }
}
