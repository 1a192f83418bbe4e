import Foundation
import QyxModel

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
                    inWorkSection = workSections.contains { p.text.contains($0) } && p.text.count <= 30
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
        let head = text.split(separator: "。", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? text
        return TextCleaning.trim(head)
    }

    /// Units named by `(牵头单位:…)` / `（责任单位：…）`, in order, without repeats.
    static let leadPattern = try! NSRegularExpression(pattern: #"(?:牵头单位|责任单位|牵头部门)[:：]([^)）]*)"#)

    static func leads(in text: String) -> [String] {
        guard TextSearch.contains(text, "单位") || TextSearch.contains(text, "部门") else { return [] }
        let regex = leadPattern
        var seen = Set<String>()
        var out: [String] = []
        for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let r = Range(m.range(at: 1), in: text) else { continue }
            for unit in TextCleaning.list(String(text[r])) where seen.insert(unit).inserted { out.append(unit) }
        }
        return out
    }
}
