import Foundation
import QyxModel
import QyxText

/// Reads a 项目清单: 序号, 项目名称, 建设内容和规模, 建设地点, 总投资(亿元), 建设起止年限, 责任单位,
/// 责任人, 备注. Category rows (`一、教育`) give the category and, where unambiguous, the domain.
enum ProjectTableBuilder {
    static func accepts(_ header: [String]) -> Bool { header.contains { PlainText.equals(TextCleaning.removingSpaces($0), "项目名称") } }

    static func build(_ table: RawTable, _ context: inout TableContext) -> [Project] {
        let roles = table.header.map(ColumnRole.of)
        var out: [Project] = []
        var category: String?
        for row in table.rows {
            if row.isCategory {
                category = ReformTableBuilder.categoryName(row.cells[0])
                continue
            }
            var project = Project(provenance: context.provenance(row.line), region: context.region, name: "")
            project.category = category
            project.domain = category.flatMap { Domain.forCategory($0)?.name }
            for (role, raw) in zip(roles, row.cells) {
                let cell = TextCleaning.trim(raw)
                let value = cell == "/" || cell == "-" || cell == "—" ? "" : cell
                switch role {
                case .seq: project.seq = TextCleaning.sequenceNumber(value)
                case .name: project.name = value
                case .domain: if !value.isEmpty { project.domain = Domain.named(value)?.name ?? value }
                case .content: project.content = value.isEmpty ? nil : value
                case .location: project.location = value.isEmpty ? nil : value
                case .investment(let f): project.investment = amount(value, factor: f, line: row.line, &context)
                case .annualInvestment(let f): project.annualInvestment = amount(value, factor: f, line: row.line, &context)
                case .years: (project.startYear, project.endYear) = years(value)
                case .startYear: project.startYear = DocumentLayout.yearColumn(value)
                case .endYear: project.endYear = DocumentLayout.yearColumn(value)
                case .lead: project.lead = TextCleaning.list(value)
                case .person: project.person = TextCleaning.list(value)
                case .status: project.status = value.isEmpty ? nil : value
                default: break
                }
            }
            guard !project.name.isEmpty else {
                context.warn(row.line, "project row without a 项目名称; skipped")
                continue
            }
            out.append(project)
        }
        return out
    }

    static func amount(_ text: String, factor: Double, line: Int, _ context: inout TableContext) -> Double? {
        guard !text.isEmpty else { return nil }
        guard let v = Double(text) else {
            context.warn(line, "investment '\(text)' is not a number")
            return nil
        }
        return Units.roundNoise(v * factor)
    }

    /// `2023-2024` → (2023, 2024); `2024` → (2024, 2024).
    static func years(_ text: String) -> (Int?, Int?) {
        let parts = text.split(whereSeparator: { "-—–~～至".contains($0) }).compactMap { DocumentLayout.yearColumn(String($0)) }
        guard let first = parts.first else { return (nil, nil) }
        return (first, parts.last)
    }
}
