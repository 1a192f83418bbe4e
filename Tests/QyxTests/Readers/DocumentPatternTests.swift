import Foundation
@testable import QyxReaders
import Testing

/// The hand-written region and period patterns find what ICU's regular expressions found, on
/// every line of the built-in documents and on cases made to tell them apart.
@Suite struct DocumentPatternTests {
    static let regionPattern = #"([^\P{Han}年省的和与及、对在为]{2,8}?[县区市])(?:基本)?公共服务"#
    static let rangePattern = #"(\d{4})\s*[—–\-~～至]\s*(\d{4})\s*年"#
    static let leadingPattern = #"^(\d{4})\s*年"#

    /// Group `n` of ICU's first match, as the readers used to take it.
    func icu(_ pattern: String, _ text: String) throws -> [String]? {
        let regex = try NSRegularExpression(pattern: pattern)
        guard let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (0..<m.numberOfRanges).map { Range(m.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
    }

    static let made = [
        "2025年嵊泗县公共服务“七优享”工程工作要点", "温州市洞头区基本公共服务", "浙江省舟山市嵊泗县公共服务",
        "和平区公共服务", "平区公共服务", "县公共服务", "一二三四五六七八九十县公共服务", "甲乙丙丁戊己庚辛县公共服务",
        "〇〇县公共服务", "𠀀𠀁区公共服务", "a县区公共服务", "县区市县公共服务", "在东阳市公共服务与义乌市基本公共服务",
        "２０２３—２０２７年", "2023-2027年", "2023 ～ 2027 年", "2023至2027\u{3000}年", "20235-2027年", "2023-20275年",
        "12023—2027年", "2023\t—\n2027\r年", "2023\u{85}-2027年", "2023\u{0B}-2027年", "2024年", " 2024年", "2024 \u{2028}年",
        "२०२४年", "2024-2027年和2028-2030年", "(2023—2027年)", "",
    ]

    @Test func sameAsICUOnTheCorpusAndMadeCases() throws {
        let lines = CorpusLoader.builtinFiles.flatMap { (try? SourceFile.read($0).lines) ?? [] }
        #expect(lines.count > 1000)
        var compared = 0
        for text in lines + Self.made {
            #expect(DocumentPatterns.region(in: text) == (try icu(Self.regionPattern, text)?[1]), "\(text)")
            let range = try icu(Self.rangePattern, text)
            let found = DocumentPatterns.yearRange(in: text)
            #expect(found?.0 == range?[1] && found?.1 == range?[2], "\(text)")
            #expect(DocumentPatterns.leadingYear(in: text) == (try icu(Self.leadingPattern, text)?[1]), "\(text)")
            compared += 1
        }
        #expect(compared == lines.count + Self.made.count)
    }

    /// The made cases do reach each outcome, so the comparison above is not of nils alone.
    @Test func madeCasesCoverMatchesAndMisses() {
        #expect(DocumentPatterns.region(in: "2025年嵊泗县公共服务") == "嵊泗县")
        #expect(DocumentPatterns.region(in: "在东阳市公共服务与义乌市基本公共服务") == "东阳市")
        #expect(DocumentPatterns.region(in: "县公共服务") == nil)
        #expect(DocumentPatterns.yearRange(in: "12023—2027年")! == ("2023", "2027"))
        #expect(DocumentPatterns.yearRange(in: "2023-20275年") == nil)
        #expect(DocumentPatterns.leadingYear(in: "2024 年") == "2024")
        #expect(DocumentPatterns.leadingYear(in: " 2024年") == nil)
    }
}
