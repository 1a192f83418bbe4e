import QyxModel
import QyxText

/// Finds the quantities in one line of prose: numbers with a unit (90%, 1900元, 2.5亿元, 3家),
/// their operator (达到 → >=, 以下 → <=), the phrase they are about and the year they are for.
/// Years, dates, list numbers, document numbers and names with digits (5G, 1+4+N, 120急救)
/// are not figures. The rules are here; `FigureScanner` reads them.
struct FigureExtractor {
    /// One figure: its value, unit and operator, what it is about and the year it is for.
    struct Found: Equatable {
        var value: Double
        var unit: String?
        var op: ComparisonOp
        var subject: String
        var year: Int?
        var clause: String
        /// Character offset in the line, to keep figures in reading order.
        var offset: Int
    }

    /// Units, longest first so 个百分点 wins over 个. A 万/亿/千 before any of them multiplies.
    static let units: [String] = [
        "个百分点", "平方公里", "平方米", "立方米", "万人次", "人次", "公里", "千米", "分钟", "小时", "周岁", "个月",
        "批次", "学位", "床位", "元", "人", "个", "家", "所", "台", "张", "套", "间", "户", "名", "项", "场", "次",
        "期", "类", "种", "组", "班", "批", "倍", "岁", "秒", "天", "年", "米", "辆", "支", "条", "座", "处", "亩",
        "吨", "册", "件", "门", "份", "篇", "轮", "对", "%", "‰",
    ].sorted { $0.count > $1.count }
    static let multipliers = ["百万", "亿", "万", "千"]

    /// Words before a number, and the operator they mean.
    static let before: [(String, ComparisonOp)] = [
        ("不少于", .ge), ("不低于", .ge), ("至少", .ge), ("达到", .ge), ("提高到", .ge), ("提升到", .ge),
        ("提高至", .ge), ("提升至", .ge), ("达", .ge), ("超过", .gt), ("不超过", .le), ("不高于", .le), ("最高", .le),
        ("控制在", .le), ("低于", .lt), ("少于", .lt), ("小于", .lt),
    ].sorted { $0.0.count > $1.0.count }
    /// Words after a unit, and the operator they mean.
    static let after: [(String, ComparisonOp)] = [
        ("及以上", .ge), ("以上", .ge), ("及以下", .le), ("以下", .le), ("以内", .le),
    ]

    /// How far a figure's clause and sentence reach either side of its number, in characters.
    /// The corpus's longest sentence is 288, so real text is never cut; on a line of prose
    /// without punctuation each figure reads this much rather than the whole line, which keeps
    /// loading linear in the length of a line.
    static let reach = 512

    static let clauseEnds: Set<Character> = ["，", "。", "；", ";", "：", ":", "！", "？", ",", "\t"]
    /// A year stated early in a sentence (到2025年底，…；…) holds through its semicolons.
    static let sentenceEnds: Set<Character> = ["。", "！", "？", "\t"]
    static let dashes: Set<Character> = ["—", "–", "-", "~", "～", "至", "到"]

    /// Leading words that are actions, not part of what is counted.
    static let verbs = ["全面落实", "新增设", "累计建成", "建成", "新增", "新建", "完成", "实现", "开展", "组织", "培育", "打造",
                        "建设", "推进", "改造", "提升", "提高", "全面", "累计", "力争", "确保", "落实", "组建", "创建", "引进",
                        "招引", "举办", "培训", "设立", "建立", "配置", "配备", "保持", "每年", "全年", "年均", "其中", "共",
                        "全县", "我县", "全区", "我区", "新", "有"]

    let documentYear: Int?
    /// Checked at every number: one long line can take a while.
    var cancellation = Cancellation.none

    /// The figures of one line, in reading order.
    func extract(_ raw: String) -> [Found] {
        guard Self.mayHoldDigit(raw) else { return [] }
        return FigureScanner(raw, documentYear: documentYear, cancellation: cancellation).figures()
    }

    /// Whether a line may hold a number: an ASCII digit, or the byte BC that every full-width
    /// digit ０-９ (EF BC 90-99) has. Most lines have no digit at all and stop here, so this is
    /// a byte loop over the contiguous UTF-8 rather than over the generic `utf8` view.
    static func mayHoldDigit(_ line: String) -> Bool {
        let isCandidate = { (b: UInt8) in b >= 0x30 && b <= 0x39 || b == 0xBC }
        return line.utf8.withContiguousStorageIfAvailable { $0.contains(where: isCandidate) } ?? line.utf8.contains(where: isCandidate)
    }
}
