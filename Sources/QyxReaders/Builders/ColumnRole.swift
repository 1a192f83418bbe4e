import Foundation
import QyxModel
import QyxText

/// What a header cell says a column holds. Tables are recognized by their columns, never by
/// the file they come from.
enum ColumnRole: Equatable {
    case domain, seq, name, unit, target, attribute, lead, person, partners, goal, tasks
    case content, location, investment(factor: Double), annualInvestment(factor: Double), years, status
    case startYear, endYear
    case year(Int)
    case institution, partner, relation, requirement
    case other(String)

    static func of(_ header: String) -> ColumnRole {
        let h = TextCleaning.removingSpaces(header)
        if let y = DocumentLayout.yearColumn(h) { return .year(y) }
        // `2025年目标` / `2026年目标值` name the column of one year's target.
        let (year, rest) = leadingYear(h)
        if let year, ["目标", "目标值", "预期目标", "完成值"].contains(where: { PlainText.equals(rest, $0) }) { return .year(year) }
        // Money columns say their unit in brackets; the model keeps 亿元.
        let factor = TextCleaning.contains(h, "万元") ? 1e-4 : 1
        if let role = named.first(where: { PlainText.equals(h, $0.name) })?.role { return role }
        if PlainText.hasPrefix(h, "年度计划投资") || PlainText.hasPrefix(h, "年度投资") { return .annualInvestment(factor: factor) }
        // `2024年计划投资（万元）`: the plan year's investment.
        if year != nil, PlainText.hasPrefix(rest, "计划投资") { return .annualInvestment(factor: factor) }
        if PlainText.hasPrefix(h, "总投资") { return .investment(factor: factor) }
        return .other(h)
    }

    /// `2025年目标值` → (2025, `目标值`); a header without a leading `YYYY年` → (nil, header).
    static func leadingYear(_ h: String) -> (Int?, String) {
        let u = h.utf8
        // Four ASCII digits and 年 (3 bytes) lead it.
        guard u.count > 7, let cut = u.index(u.startIndex, offsetBy: 7, limitedBy: u.endIndex),
              let year = DocumentLayout.yearColumn(String(h[..<cut])) else { return (nil, h) }
        return (year, String(h[cut...]))
    }

    /// Header words that name a role by themselves.
    static let named: [(name: String, role: ColumnRole)] = [
        ("领域", .domain), ("所属领域", .domain), ("类别", .domain),
        ("序号", .seq), ("编号", .seq),
        ("指标", .name), ("指标名称", .name), ("主要指标", .name), ("改革名称", .name), ("项目名称", .name),
        ("单位", .unit), ("计量单位", .unit),
        ("完成值", .target), ("目标值", .target), ("目标", .target), ("年度目标", .target), ("预期目标", .target),
        ("属性", .attribute), ("指标属性", .attribute),
        ("牵头单位", .lead), ("责任单位", .lead), ("牵头部门", .lead), ("责任部门", .lead),
        ("开工年份", .startYear), ("竣工年份", .endYear),
        ("责任人", .person),
        ("参与单位", .partners), ("配合单位", .partners),
        ("改革目标", .goal),
        ("改革任务", .tasks),
        ("建设内容和规模", .content), ("建设内容", .content), ("主要建设内容", .content),
        ("建设地点", .location), ("地点", .location),
        ("建设起止年限", .years), ("起止年限", .years), ("建设年限", .years),
        ("备注", .status), ("建设性质", .status), ("状态", .status),
        ("能力提升要求", .requirement),
        ("结对帮扶关系", .relation), ("帮扶关系", .relation),
    ]
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
