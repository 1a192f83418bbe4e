import Foundation
import QyxModel
import QyxText

/// Turns the numbered outline into tasks. Items count as tasks inside sections about work
/// (重点任务, 主要任务, 保障措施, 实施路径和主要举措 …); an annex plan restarts the numbering, so
/// its items carry the annex in their path (附件2.三.(一).4).
enum TaskBuilder {
    /// Words of a level-1 heading that open a section of work items.
    static let workSections = ["任务", "举措", "措施", "保障"]

    static func build(_ paragraphs: [Paragraph], _ context: inout TableContext) -> [PlanTask] {
        var out: [PlanTask] = []
        var annex: String?
        var inWorkSection = false
        // Open items by level: their path label, domain and leads.
        var stack: [(level: Int, label: String, domain: String?, lead: [String])] = []
        for p in paragraphs {
            switch p.kind {
            case .annex(let label):
                annex = "附件" + label
                inWorkSection = false
                stack = []
            case .item(let level, let label):
                stack.removeAll { $0.level >= level }
                let inherited = stack.last
                let domain = Domain.mentioned(in: p.text)?.name ?? inherited?.domain
                let own = leads(in: p.text)
                let lead = own.isEmpty ? (inherited?.lead ?? []) : own
                stack.append((level, label, domain, lead))
                if level == 1 {
                    inWorkSection = workSections.contains { TextCleaning.contains(p.text, $0) } && PlainText.count(p.text) <= 30
                    continue
                }
                guard inWorkSection else { continue }
                let path = ((annex.map { [$0] } ?? []) + stack.map(\.label)).joined(separator: ".")
                out.append(PlanTask(provenance: context.provenance(p.line), region: context.region, domain: domain,
                                    path: path, title: title(of: p.text), text: p.text, lead: lead))
            case .plain, .caption, .title:
                continue
            }
        }
        return out
    }

    /// The lead phrase: text before the first 。 (or the whole text).
    static func title(of text: String) -> String {
        if PlainText.isPlain(text) {
            // 。 is E3 80 82; in plain text its bytes are always that Character.
            let stop: Int = text.withBytes { b in
                var i = 0
                while i + 2 < b.count {
                    if b[i] == 0xE3 && b[i + 1] == 0x80 && b[i + 2] == 0x82 { return i }
                    i += 1
                }
                return b.count
            }
            return TextCleaning.trim(String(text[..<text.utf8.index(text.utf8.startIndex, offsetBy: stop)]))
        }
        let head = text.split(separator: "。", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? text
        return TextCleaning.trim(head)
    }

    /// Units named by `(牵头单位:…)` / `（责任单位：…）`, in order, without repeats.
    static func leads(in text: String) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for list in leadLists(in: text) {
            for unit in TextCleaning.list(String(list)) where seen.insert(unit).inserted { out.append(unit) }
        }
        return out
    }

    static let leadLabels = ["牵头单位", "责任单位", "牵头部门"].map { Array($0.utf8) }
    static let wideColon = Array("：".utf8), wideClose = Array("）".utf8)

    /// What the regex `(?:牵头单位|责任单位|牵头部门)[:：]([^)）]*)` captures, match after match.
    /// Regexes match scalars, not Characters, so a byte scan finds the same matches in any string.
    static func leadLists(in text: String) -> [Substring] {
        // Locals, not the statics: each read of a static in the byte loop checks it is initialized.
        let leadLabels = Self.leadLabels, wideColon = Self.wideColon, wideClose = Self.wideClose
        let ranges: [Range<Int>] = text.withBytes { b in
            func at(_ i: Int, _ word: [UInt8]) -> Bool {
                guard i + word.count <= b.count else { return false }
                for k in word.indices where b[i + k] != word[k] { return false }
                return true
            }
            var ranges: [Range<Int>] = []
            var from = 0                                   // where the regex would search next
            var i = 0
            while i < b.count {
                // Every match has a colon right after its label, and colons are rare: find them first.
                let colon = b[i] == UInt8(ascii: ":") ? 1 : b[i] == 0xEF && at(i, wideColon) ? 3 : 0
                guard colon > 0, leadLabels.contains(where: { i - $0.count >= from && at(i - $0.count, $0) }) else {
                    i += PlainText.scalarLength(lead: b[i])  // the next character
                    continue
                }
                let start = i + colon
                var end = start
                while end < b.count, b[end] != UInt8(ascii: ")"), !at(end, wideClose) { end += 1 }
                ranges.append(start..<end)
                (from, i) = (end, end)
            }
            return ranges
        }
        // Like `Range(_:in:)` on the regex's match, a capture whose bounds fall inside a Character
        // (a combining mark after the colon) is dropped.
        let u = text.utf8
        return ranges.compactMap { r in
            guard let lower = String.Index(u.index(u.startIndex, offsetBy: r.lowerBound), within: text),
                  let upper = String.Index(u.index(u.startIndex, offsetBy: r.upperBound), within: text) else { return nil }
            return text[lower..<upper]
        }
    }
}
