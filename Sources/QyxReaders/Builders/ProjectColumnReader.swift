import Foundation
import QyxModel

/// Reads the 专栏 “重大项目数量及投资额” box of a 工作要点, where projects are listed in prose:
///
///     …计划实施项目共有1个:舟山全民健身中心嵊泗分中心(嵊泗体育馆)项目(续建项目),分属病有良医领域,
///     总投资 3.11 亿元,年度计划投资 0.6 亿元。
///     …分领域:学有优教项目数 1个(西城区幼儿园新建工程),年度计划投资0.33亿元;…;“ 15分钟公共服务圈”
///     打包项目1个,内含子项目2个,年度计划投资0.057亿元,其中嵊泗中学学生公寓改造工程计划一季度完工,…
enum ProjectColumnReader {
    static func isProjectBox(_ caption: String) -> Bool { caption.hasPrefix("专栏") && caption.contains("项目") }

    static func read(_ paragraph: Paragraph, _ context: inout TableContext) -> [Project] {
        let text = TextCleaning.removingSpaces(paragraph.text)
        var out: [Project] = []
        func project(_ name: String) -> Project {
            Project(provenance: context.provenance(paragraph.line), region: context.region, name: name)
        }
        // A single project: 共有1个:NAME(续建项目),分属DOMAIN领域,总投资X亿元,年度计划投资Y亿元
        if let m = match(#"共有\d+个[:：](.+?)[(（](新建|续建|改建|扩建|新增)项目[)）][,，]分属(.+?)领域"#, text) {
            var p = project(m[1])
            p.status = m[2]
            p.domain = Domain.named(m[3])?.name ?? m[3]
            p.investment = number(after: "总投资", in: text)
            p.annualInvestment = number(after: "年度计划投资", in: text)
            return [p]
        }
        guard let listStart = text.range(of: "分领域") else {
            context.warn(paragraph.line, "project box not understood; no projects read from it")
            return []
        }
        var package: String?
        for clause in text[listStart.upperBound...].split(whereSeparator: { $0 == "；" || $0 == ";" }) {
            let clause = String(clause).trimmingCharacters(in: CharacterSet(charactersIn: ":：。"))
            // DOMAIN项目数1个(NAME),年度计划投资X亿元
            if let m = match(#"^(.+?)项目数\d+个[(（](.+)[)）][,，]年度计划投资([\d.]+)亿元"#, clause) {
                var p = project(m[2])
                p.domain = Domain.named(m[1])?.name ?? m[1]
                p.annualInvestment = Double(m[3])
                out.append(p)
                package = nil
                continue
            }
            // NAME打包项目1个,内含子项目2个,年度计划投资X亿元,其中SUB计划…,年度计划投资Y亿元
            if let m = match(#"^(.+?打包项目)\d+个[,，]内含子项目\d+个[,，]年度计划投资([\d.]+)亿元(?:[,，]其中(.*))?$"#, clause) {
                var p = project(m[1])
                p.annualInvestment = Double(m[2])
                out.append(p)
                package = m[1]
                if !m[3].isEmpty, let sub = subproject(m[3], parent: m[1], project) { out.append(sub) }
                continue
            }
            if let parent = package, let sub = subproject(clause, parent: parent, project) {
                out.append(sub)
                continue
            }
            context.warn(paragraph.line, "project clause not understood: \(clause)")
        }
        return out
    }

    /// `嵊泗中学学生公寓改造工程计划一季度完工,年度计划投资0.017亿元`.
    static func subproject(_ clause: String, parent: String, _ make: (String) -> Project) -> Project? {
        guard let m = match(#"^(.+?)计划.*年度计划投资([\d.]+)亿元"#, clause) else { return nil }
        var p = make(m[1])
        p.parent = parent
        p.annualInvestment = Double(m[2])
        return p
    }

    static func number(after label: String, in text: String) -> Double? {
        match(label + #"([\d.]+)亿元"#, text).flatMap { Double($0[1]) }
    }

    /// Capture groups of the first match (index 0 is the whole match; missing groups are "").
    nonisolated(unsafe) static var compiled: [String: NSRegularExpression] = [:]
    static let compiledLock = NSLock()

    /// Patterns are compiled once: building an NSRegularExpression costs more than matching it.
    static func regex(_ pattern: String) -> NSRegularExpression? {
        compiledLock.lock()
        defer { compiledLock.unlock() }
        if let r = compiled[pattern] { return r }
        let r = try? NSRegularExpression(pattern: pattern)
        compiled[pattern] = r
        return r
    }

    static func match(_ pattern: String, _ text: String) -> [String]? {
        guard let regex = regex(pattern),
              let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (0..<m.numberOfRanges).map { i in
            Range(m.range(at: i), in: text).map { String(text[$0]) } ?? ""
        }
    }
}
