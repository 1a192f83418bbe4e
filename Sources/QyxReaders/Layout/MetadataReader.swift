import Foundation
import QyxModel
import QyxText

/// Reads the web-page chrome and the notice around a plan: 文号, 发布机构, dates, title.
/// Chrome lines (索引号, 访问次数, 字体大小, a trailing `….pdf`) are claimed so that no other reader
/// mistakes them for content.
struct MetadataReader {
    var fields: [String: String] = [:]
    var fieldLines: [String: Int] = [:]
    var claimed: LineSet
    var titleLine: Int?
    var title: String?

    /// Labels of the page's information panel and what they mean to the model.
    static let labels: [String: String] = [
        "文号": "number", "发布机构": "issuer", "成文日期": "written", "发布时间": "published",
        "信息索引号": "", "索引号": "", "主题分类": "", "组配分类": "", "生成日期": "", "公开方式": "",
        "有效性": "", "文件登记号": "", "信息来源": "", "访问次数": "", "字体大小": "",
    ]

    init(_ file: SourceFile) {
        let lines = file.lines
        claimed = LineSet(lineCount: lines.count)
        var n = 1
        while n <= lines.count {
            defer { n += 1 }
            // Chrome, notices and titles are short; a paragraph of prose is none of them.
            if lines[n - 1].utf8.count > 240 { continue }
            let text = TextCleaning.trim(lines[n - 1])
            if text.isEmpty { continue }
            // • 文号:  ⏎  嵊七优享办〔2024〕1号
            if PlainText.hasPrefix(text, "•") {
                let label = PlainText.trimmingWhitespace(text.dropFirst()).trimmingCharacters(in: Self.colons)
                claimed.insert(n)
                if let next = nextNonBlank(lines, after: n), !TextCleaning.trim(lines[next - 1]).hasPrefix("•"),
                   Self.labels[label] != nil || label.count <= 8 {
                    record(label, TextCleaning.trim(lines[next - 1]), line: next)
                    claimed.insert(next)
                    n = next
                }
                continue
            }
            // 发布时间:2025-04-17 10:48   信息来源:县政府办公室   访问次数:
            let mayHaveLabel = Self.mayStartLabel(text)
            if mayHaveLabel, let colon = Self.firstColon(in: text), let key = Self.label(text[..<colon]) {
                claimed.insert(n)
                let value = PlainText.trimmingWhitespace(text[text.index(after: colon)...])
                if !key.isEmpty, !value.isEmpty { record(String(text[..<colon]), value, line: n) }
                continue
            }
            // 索引号 11330922…   组配分类 政府文件  发布机构 县政府办公室   生成日期 2024-04-02 …
            if mayHaveLabel, let first = Self.firstWord(of: text), Self.label(first) != nil {
                claimed.insert(n)
                let pairs = text.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }
                for pair in pairs {
                    let parts = pair.split(separator: " ", maxSplits: 1).map(String.init)
                    if parts.count == 2 { record(parts[0], parts[1], line: n) }
                }
                continue
            }
            if Self.isFileName(text) {
                claimed.insert(n)
                continue
            }
            if Self.isDocumentNumber(text) {
                record("文号", text, line: n)
                claimed.insert(n)
                continue
            }
            if let date = DocumentLayout.chineseDate(text) {
                record("成文日期", date, line: n)
                if fields["signature"] == nil, let signer = signature(lines, before: n) { fields["signature"] = signer }
                claimed.insert(n)
                continue
            }
            if PlainText.hasSuffix(text, "印发"), DocumentLayout.chineseDate(String(text.dropLast(2))) != nil {
                claimed.insert(n)
                continue
            }
            if title == nil, Self.isTitle(text) {
                title = text
                titleLine = n
            }
        }
        if title == nil {
            // 关于印发《2024年…行动方案》的通知 names the plan it carries.
            // 《 has no canonical equivalent, so no line without its bytes can match.
            for (i, line) in lines.enumerated() where TextSearch.contains(line, "《") {
                if let open = TextCleaning.range(of: "关于印发《", in: line),
                   let close = TextCleaning.range(of: "》", in: line, from: open.upperBound) {
                    title = String(line[open.upperBound..<close.lowerBound])
                    titleLine = i + 1
                    break
                }
            }
        }
    }

    mutating func record(_ label: String, _ value: String, line: Int) {
        let key = Self.labels[label] ?? ""
        guard !key.isEmpty, fields[key] == nil else { return }
        switch key {
        case "written": fields[key] = DocumentLayout.chineseDate(value) ?? value
        case "published": fields[key] = value
        default: fields[key] = value
        }
        fieldLines[key] = line
    }

    func nextNonBlank(_ lines: [String], after n: Int) -> Int? {
        var i = n + 1
        while i <= lines.count {
            if !TextCleaning.isBlank(lines[i - 1]) { return i }
            i += 1
        }
        return nil
    }

    /// The office signing a notice: the line above its date, skipping `(…代章)`.
    func signature(_ lines: [String], before n: Int) -> String? {
        var i = n - 1
        while i >= 1 {
            let t = TextCleaning.trim(lines[i - 1])
            i -= 1
            if t.isEmpty || t.hasPrefix("(") || t.hasPrefix("（") { continue }
            return t.count <= 30 && !OutlineReader.endsComplete(t) ? t : nil
        }
        return nil
    }

    /// `嵊政办发〔2024〕10号`, `嵊七优享办〔2024〕1号`.
    static func isDocumentNumber(_ text: String) -> Bool {
        guard PlainText.hasSuffix(text, "号"), text.count <= 24, let open = text.firstIndex(where: { "〔[［(（".contains($0) }) else { return false }
        let after = text[text.index(after: open)...]
        return after.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber }) && !text.contains("，") && !text.contains("。")
    }

    static let colons = CharacterSet(charactersIn: ":：")

    /// First scalars of the labels: a line whose first Character is none of them has no label.
    static let labelStarts = Array(Set(labels.keys.map { $0.unicodeScalars.first! }))

    static func mayStartLabel(_ text: String) -> Bool {
        guard let first = PlainText.firstCharacterScalar(text) else { return true }
        return labelStarts.contains(first)
    }

    /// `labels[label]`, comparing bytes when the label is plain instead of hashing it.
    static func label(_ label: Substring) -> String? {
        guard PlainText.isPlain(label) else { return labels[String(label)] }
        let length = label.utf8.count
        return labels.first { $0.key.utf8.count == length && $0.key.utf8.elementsEqual(label.utf8) }?.value
    }

    /// The first `:` or `：`.
    static func firstColon(in text: String) -> String.Index? {
        let u = text.utf8
        // Neither Character can be there without its bytes.
        guard let i = u.indices.first(where: { u[$0] == UInt8(ascii: ":") || (u[$0] == 0xEF && u[$0...].starts(with: "：".utf8)) })
        else { return nil }
        return PlainText.isPlain(text) ? i : text.firstIndex(where: { $0 == ":" || $0 == "：" })
    }

    /// The text before the first space: the label of `索引号 11330922…`.
    static func firstWord(of text: String) -> Substring? {
        guard PlainText.isPlain(text) else { return text.split(separator: " ").first }
        let u = text.utf8
        guard let start = u.firstIndex(where: { $0 != UInt8(ascii: " ") }) else { return nil }
        return text[start..<(u[start...].firstIndex(of: UInt8(ascii: " ")) ?? u.endIndex)]
    }

    /// `….pdf`, `….docx`: a link to the file itself.
    static func isFileName(_ text: String) -> Bool {
        // Only F, f, X and x lowercase to the last letter of either extension.
        if let last = PlainText.lastCharacterScalar(text), !"fFxX".unicodeScalars.contains(last) { return false }
        guard PlainText.isPlain(text) else {
            return text.lowercased().hasSuffix(".pdf") || text.lowercased().hasSuffix(".docx")
        }
        let lower = text.utf8.suffix(5).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return lower.reversed().starts(with: ".pdf".utf8.reversed()) || lower.elementsEqual(".docx".utf8)
    }

    static let planKinds = ["工作要点", "实施方案", "行动方案", "工作方案", "规划", "计划"]
    static let titleEnds = planKinds.map { $0.unicodeScalars.last! } + [")", "）"]

    /// A plan title line: `2025年嵊泗县公共服务“七优享”工程工作要点`.
    static func isTitle(_ text: String) -> Bool {
        // It starts with a digit and ends a plan kind or a bracket (spaces aside): other whole
        // first or last Characters rule it out.
        if let first = PlainText.firstCharacterScalar(text), !(0x30...0x39).contains(first.value) { return false }
        if let last = PlainText.lastCharacterScalar(text), last != " ", !titleEnds.contains(last) { return false }
        guard PlainText.isPlain(text) else { return isTitleByCharacters(text) }
        // Four scalars and 年 take seven bytes at least.
        guard text.utf8.count >= 7, PlainText.count(text) <= 60, !TextSearch.contains(text, "关于"), !TextSearch.contains(text, "通知"),
              !TextSearch.contains(text, "。") else { return false }
        let stripped = Array(text.utf8.lazy.filter { $0 != UInt8(ascii: " ") })
        // The fifth Character (scalar) onward starts with 年.
        guard let fifth = stripped.indices.lazy.filter({ stripped[$0] & 0xC0 != 0x80 }).dropFirst(4).first,
              stripped[fifth...].starts(with: "年".utf8) else { return false }
        return (planKinds + ["年)", "年）"]).contains { stripped.reversed().starts(with: $0.utf8.reversed()) }
    }

    /// `isTitle` by Characters, for text that is not plain.
    static func isTitleByCharacters(_ text: String) -> Bool {
        guard text.count <= 60, let first = text.first, first.isASCII && first.isNumber,
              !text.contains("关于"), !text.contains("通知"), !text.contains("。") else { return false }
        let stripped = text.replacingOccurrences(of: " ", with: "")
        guard stripped.dropFirst(4).hasPrefix("年") else { return false }
        return planKinds.contains { stripped.hasSuffix($0) } || stripped.hasSuffix("年)") || stripped.hasSuffix("年）")
    }
}
