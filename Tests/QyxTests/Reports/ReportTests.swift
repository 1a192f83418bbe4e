import Foundation
import QyxLanguage
import Testing

/// `qyx render`: the example reports through the real binary, checked byte for byte against
/// examples/reports/expected/, and the guarantees around them (escaping, errors, no partial file).
@Suite struct ReportTests {
    static let reports = ExampleTests.root.appendingPathComponent("examples/reports")

    static var templates: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: reports.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }

    @Test func thereAreTheTwoReports() {
        #expect(Self.templates.contains("county-year.md") && Self.templates.contains("two-regions.md"))
    }

    @Test(arguments: templates, ["md", "html"])
    func reportMatchesItsExpectedOutput(_ name: String, _ format: String) throws {
        let r = try runQyx(["render", Self.reports.appendingPathComponent(name).path, "--to", format])
        #expect(r.status == 0 && r.err.isEmpty, "\(r.err)")
        let expected = try String(contentsOf: Self.reports.appendingPathComponent("expected/\(name.dropLast(3)).\(format)"), encoding: .utf8)
        #expect(r.out == expected)
    }

    @Test func inlineValuesAgreeWithTheLanguage() throws {
        let r = try runQyx(["render", Self.reports.appendingPathComponent("county-year.md").path, "--param", "region=洞头区", "--param", "year=2027"])
        #expect(r.status == 0, "\(r.err)")
        let indicators = try query("select count(*) from indicators where region = 洞头区 and year = 2027").rows[0][0].displayText
        let tasks = try query("select count(*) from tasks where region = 洞头区").rows[0][0].displayText
        #expect(r.out.hasPrefix("# 洞头区 2027 年公共服务“七优享”年度报告\n"))
        #expect(r.out.contains("共有\n**\(indicators)** 项量化指标、\n**\(tasks)** 项工作任务。"))
        // One section per domain that has indicators, each with its own table.
        let domains = try query("select count(distinct domain) from indicators where region = 洞头区 and year = 2027 and domain in (幼有善育, 学有优教, 劳有所得, 病有良医, 老有康养, 住有宜居, 弱有众扶)").rows[0][0].displayText
        #expect("\(r.out.components(separatedBy: "\n### ").count - 1)" == domains)
    }

    @Test func anEmptySectionShowsItsAlternative() throws {
        let r = try runQyx(["render", Self.reports.appendingPathComponent("county-year.md").path, "--param", "region=普陀区"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("普陀区 在 2025 年没有分领域的量化指标。"))
        #expect(!r.out.contains("\n### "))
    }

    @Test func htmlIsSelfContainedAndCited() throws {
        let out = try temporaryFolder().appendingPathComponent("two.html")
        let r = try runQyx(["render", Self.reports.appendingPathComponent("two-regions.md").path, "-o", out.path])
        #expect(r.status == 0 && r.out.isEmpty, "\(r.err)")
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        // Nothing is fetched: no scripts, links, images or remote addresses (bar the SVG namespace).
        for banned in ["<script", "<link", "<img", "src=", "@import", "url("] { #expect(!html.contains(banned), "\(banned)") }
        #expect(html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").range(of: "https?://", options: .regularExpression) == nil)
        // The year series: 3 indicators × 6 years of 洞头区, each point citing its document and line.
        let points = html.components(separatedBy: "<circle ").dropFirst()
        #expect(points.count == 18)
        for p in points { #expect(p.contains("洞头区公共服务“七优享”五年目标 line ")) }
        #expect(html.contains("<title>普惠托位占比 · 2022: 75 %\n洞头区公共服务“七优享”五年目标 line 8</title>"))
        #expect(html.contains("<p class=\"sources\">Source: "))
    }

    @Test func documentTextIsEscapedInHTML() throws {
        let folder = try temporaryFolder()
        let seed = ExampleTests.root.appendingPathComponent("Sources/QyxReaders/Resources/corpus/shengsi-2025-work-points.txt")
        var lines = try String(contentsOf: seed, encoding: .utf8).components(separatedBy: "\n")
        #expect(lines[224] == "更新住宅老旧电梯数(台)")
        lines[224] = "<script>alert(\"x\")</script>更新住宅老旧电梯数(台)"
        try lines.joined(separator: "\n").write(to: folder.appendingPathComponent("evil-2025.txt"), atomically: true, encoding: .utf8)
        let template = folder.appendingPathComponent("t.md")
        try """
        # {{ select name from indicators where seq = 21 }}
        {{#select name from indicators where seq = 21}}- {{name}}{{/select}}

        ```qyx
        select name from indicators where seq = 21
        ```
        """.write(to: template, atomically: true, encoding: .utf8)
        let r = try runQyx(["render", template.path, "--to", "html", "--no-builtin", "--docs", folder.path])
        #expect(r.status == 0, "\(r.err)")
        #expect(!r.out.contains("<script"))
        #expect(r.out.components(separatedBy: "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;更新住宅老旧电梯数").count - 1 == 4)
        // Markdown output keeps raw HTML out too.
        let md = try runQyx(["render", template.path, "--no-builtin", "--docs", folder.path])
        #expect(!md.out.contains("<script"))
    }

    @Test func aBadQueryIsPlacedInTheTemplateAndNothingIsWritten() throws {
        let folder = try temporaryFolder()
        let template = folder.appendingPathComponent("bad.md")
        try "---\nparams:\n  region: 嵊泗县\n---\n# 报告\n\n```qyx\nselect name\nfrom indicators where regon = $region\n```\n"
            .write(to: template, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("bad.html")
        let r = try runQyx(["render", template.path, "-o", out.path])
        #expect(r.status == 1)
        #expect(r.err == """
        \(template.path):9:23: error: indicators have no field 'regon'; fields are doc, line, region, year, domain, seq, name, unit, target, op, value, base_value, base_unit, lead, kind, parts, attribute
            from indicators where regon = $region
                                  ^~~~~
            hint: did you mean region?

        """)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test(arguments: [
        ("{{ select count(*) from indicators where year = }}", "1:48: error: expected a value or field, found end of input"),
        ("{{ $county }}", "1:4: error: no parameter $county; give --param county=… or a default under params: in the front matter"),
        ("```qyx\nselect indicators\n", "1:1: error: ```qyx block is never closed with ```"),
        ("{{#select name from indicators}}\n{{name}}\n", "1:4: error: section {{#select …}} is never closed with {{/select}}"),
        ("{{ select name from indicators }}", "1:4: error: an inline query gives one value; this one gives 266 rows × 1 columns (use a ```qyx block for a table)"),
        ("```qyx chart=pie\nselect domain, count(*) from indicators group by domain\n```", "1:8: error: chart=pie: charts are line or bar"),
        ("```qyx chart=line\nselect name from indicators limit 2\n```", "2:1: error: chart=line needs a numeric column to draw; columns are name"),
    ])
    func templateErrors(_ text: String, _ message: String) throws {
        let folder = try temporaryFolder()
        let template = folder.appendingPathComponent("t.md")
        try text.write(to: template, atomically: true, encoding: .utf8)
        let r = try runQyx(["render", template.path, "--to", "html"])
        #expect(r.status == 1)
        #expect(r.out.isEmpty)
        #expect(r.err.hasPrefix("\(template.path):\(message)"), "\(r.err)")
    }
}
