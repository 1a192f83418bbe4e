import Foundation
import QyxModel

/// What a header cell says a column holds. Tables are recognized by their columns, never by
/// the file they come from.
enum ColumnRole: Equatable {
    case domain, seq, name, target, lead, person, partners, goal, tasks
    case content, location, investment(factor: Double), annualInvestment(factor: Double), years, status
    case year(Int)
    case institution, partner, relation, requirement
    case other(String)

    static func of(_ header: String) -> ColumnRole {
        let h = header.replacingOccurrences(of: " ", with: "")
        if let y = DocumentLayout.yearColumn(h) { return .year(y) }
        // Money columns say their unit in brackets; the model keeps 亿元.
        let factor = h.contains("万元") ? 1e-4 : 1
        switch h {
        case "领域", "所属领域": return .domain
        case "序号": return .seq
        case "指标", "指标名称", "改革名称", "项目名称": return .name
        case "完成值", "目标值", "目标", "年度目标": return .target
        case "牵头单位", "责任单位", "牵头部门": return .lead
        case "责任人": return .person
        case "参与单位", "配合单位": return .partners
        case "改革目标": return .goal
        case "改革任务": return .tasks
        case "建设内容和规模", "建设内容", "主要建设内容": return .content
        case "建设地点", "地点": return .location
        case "建设起止年限", "起止年限", "建设年限": return .years
        case "备注", "建设性质", "状态": return .status
        case "能力提升要求": return .requirement
        case "结对帮扶关系", "帮扶关系": return .relation
        default: break
        }
        if h.hasPrefix("年度计划投资") || h.hasPrefix("年度投资") { return .annualInvestment(factor: factor) }
        if h.hasPrefix("总投资") { return .investment(factor: factor) }
        return .other(h)
    }
}

/// Patterns for unit names (县卫健局, 县府办, 县总工会) and administrative places.
enum Names {
    static let unitSuffixes = ["局", "办", "委", "会", "院", "中心", "公司", "部", "所", "站", "处", "队", "厅", "室", "政府", "联", "团", "办公室"]
    static let unitSuffixEnds = Set(unitSuffixes.map { $0.unicodeScalars.last! })

    /// Does a cell read like the name of a government unit rather than a value?
    static func isUnit(_ s: String) -> Bool {
        let t = TextCleaning.trim(s)
        // A whole last Character that ends no unit suffix rules it out.
        if let last = PlainText.lastCharacterScalar(t), !unitSuffixEnds.contains(last) { return false }
        if PlainText.isPlain(t) {
            guard (2...20).contains(PlainText.count(t)), !t.unicodeScalars.contains(where: { $0.properties.numericType != nil }),
                  !TextSearch.contains(t, "。"), !TextSearch.contains(t, "，"), !TextSearch.contains(t, ",") else { return false }
            return unitSuffixes.contains { t.utf8.reversed().starts(with: $0.utf8.reversed()) }
        }
        guard (2...20).contains(t.count), !t.contains(where: { $0.isNumber }),
              !t.contains("。"), !t.contains("，"), !t.contains(",") else { return false }
        return unitSuffixes.contains { t.hasSuffix($0) }
    }

    /// A place that still needs its institution: `嵊泗县` of `嵊泗县` ⏎ `人民医院`.
    static func isBarePlace(_ s: String) -> Bool {
        ["县", "区", "市", "乡", "镇", "街道", "省"].contains { s.hasSuffix($0) }
    }

    /// A fragment that ends mid-cell: the next line continues it.
    static func continuesOnNextLine(_ s: String) -> Bool {
        if PlainText.isPlain(s) {
            guard let last = s.unicodeScalars.last else { return false }
            if "、，,（(“《+".unicodeScalars.contains(last) { return true }
            var depth = 0
            for c in s.unicodeScalars {
                if c == "(" || c == "（" { depth += 1 } else if c == ")" || c == "）" { depth -= 1 }
            }
            return depth > 0
        }
        guard let last = s.last else { return false }
        if "、，,（(“《+".contains(last) { return true }
        let opens = s.filter { $0 == "(" || $0 == "（" }.count
        let closes = s.filter { $0 == ")" || $0 == "）" }.count
        return opens > closes
    }
}
