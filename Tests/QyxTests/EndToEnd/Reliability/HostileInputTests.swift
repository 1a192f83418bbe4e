import Foundation
import Testing

/// Hostile `--docs` paths and templates through the real binary: each gets its exact message and
/// exit status, and nothing on disk changes.
@Suite struct HostileInputTests {
    static let seed = ExampleTests.root.appendingPathComponent("Sources/QyxReaders/Resources/corpus/shengsi-2025-work-points.txt")
    static let count = ["--format", "csv", "-c", "select count(*) as n from documents"]

    // MARK: --docs

    @Test func fifosAndDevicesAreNotRegularFiles() throws {
        let folder = try temporaryFolder()
        let fifo = folder.appendingPathComponent("plan.txt").path
        #expect(mkfifo(fifo, 0o644) == 0)
        // Given directly, neither blocks nor reads forever.
        for path in [fifo, "/dev/zero"] {
            let r = try runQyx(["--no-builtin", "--docs", path] + Self.count)
            #expect(r.err == "\(path): error: not a regular file\n")
            #expect(r.out == "n\n0\n")
            #expect(r.status == 0)
        }
        let r = try runQyx(["--no-builtin", "--docs", folder.path] + Self.count)
        #expect(r.err == "\(fifo): warning: not a regular file; skipped\n")
        #expect(r.status == 0)
    }

    @Test func wideEncodingsAreNamedWithTheirConversion() throws {
        let folder = try temporaryFolder()
        let text = try String(contentsOf: Self.seed, encoding: .utf8)
        let cases: [(String, String.Encoding, String)] = [
            ("utf16.txt", .utf16, "UTF-16"),                // with a byte-order mark
            ("utf16le.txt", .utf16LittleEndian, "UTF-16"),  // without one: the NUL pattern
            ("utf16be.txt", .utf16BigEndian, "UTF-16"),
            ("utf32.txt", .utf32, "UTF-32"),
            ("utf32le.txt", .utf32LittleEndian, "UTF-32"),
        ]
        for (name, encoding, label) in cases {
            let path = folder.appendingPathComponent(name).path
            try text.data(using: encoding)!.write(to: URL(fileURLWithPath: path))
            let r = try runQyx(["--no-builtin", "--docs", path] + Self.count)
            #expect(r.err == "\(path): error: \(label) text: convert with iconv -f \(label) -t UTF-8\n", "\(name)")
            #expect(r.out == "n\n0\n")
        }
    }

    @Test func aMissingDocsPathExitsTwo() throws {
        let r = try runQyx(["--docs", "/nonexistent/plans"] + Self.count)
        #expect(r.err == "qyx: --docs /nonexistent/plans: no such file or folder\n")
        #expect(r.out == "")
        #expect(r.status == 2)
        let render = try runQyx(["render", "x.md", "--docs", "/nonexistent/plans"])
        #expect(render.err == "qyx: --docs /nonexistent/plans: no such file or folder\n")
        #expect(render.status == 2)
    }

    @Test func linksInFoldersAreFollowedOnceAndBrokenOnesNamed() throws {
        let folder = try temporaryFolder()
        let other = try temporaryFolder()
        try FileManager.default.copyItem(at: Self.seed, to: other.appendingPathComponent("plan.txt"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("linked").path, withDestinationPath: other.path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop").path, withDestinationPath: folder.path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("gone.txt").path, withDestinationPath: "nowhere.txt")
        let before = Hostile.snapshot(folder)
        let r = try runQyx(["--no-builtin", "--docs", folder.path] + Self.count)
        #expect(r.err == """
        \(folder.path)/gone.txt: warning: broken symbolic link; skipped
        \(folder.path)/loop: warning: symbolic link to a folder already read; skipped

        """)
        #expect(r.out == "n\n1\n")
        #expect(r.status == 0)
        #expect(Hostile.snapshot(folder) == before)
    }

    @Test(.enabled(if: !Hostile.isRoot, "root reads any folder"))
    func anUnreadableFolderIsNamed() throws {
        let folder = try temporaryFolder()
        let locked = folder.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        chmod(locked.path, 0)
        defer { chmod(locked.path, 0o755) }
        let r = try runQyx(["--no-builtin", "--docs", folder.path] + Self.count)
        #expect(r.err == "\(locked.path): warning: cannot read folder: Permission denied; skipped\n")
        #expect(r.status == 0)
    }

    @Test func theSameTextTwiceLoadsOnce() throws {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(at: Self.seed, to: folder.appendingPathComponent("a.txt"))
        try FileManager.default.copyItem(at: Self.seed, to: folder.appendingPathComponent("b.txt"))
        // A hard link is the same text too.
        try FileManager.default.linkItem(atPath: folder.appendingPathComponent("a.txt").path, toPath: folder.appendingPathComponent("c.txt").path)
        let r = try runQyx(["--no-builtin", "--docs", folder.path] + Self.count)
        #expect(r.err == """
        \(folder.path)/b.txt: warning: the same text as \(folder.path)/a.txt, which is already loaded; this one is skipped
        \(folder.path)/c.txt: warning: the same text as \(folder.path)/a.txt, which is already loaded; this one is skipped

        """)
        #expect(r.out == "n\n1\n")
    }

    // MARK: templates

    /// Renders `template` (written to a fresh folder) and checks the folder is as it was.
    static func render(_ template: String, _ arguments: [String] = []) throws -> (out: String, err: String, status: Int32, path: String) {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("t.md").path
        try template.write(toFile: path, atomically: true, encoding: .utf8)
        let before = Hostile.snapshot(folder)
        let r = try runQyx(["render", path, "-o", folder.appendingPathComponent("out.html").path] + arguments)
        if r.status != 0 { #expect(Hostile.snapshot(folder) == before) }
        let out = (try? String(contentsOfFile: folder.appendingPathComponent("out.html").path, encoding: .utf8)) ?? ""
        return (out, r.err, r.status, path)
    }

    @Test func aTemplateThatIsNotARegularFileIsNotRead() throws {
        let fifo = try temporaryFolder().appendingPathComponent("t.md").path
        #expect(mkfifo(fifo, 0o644) == 0)
        for path in [fifo, "/dev/zero"] {
            let r = try runQyx(["render", path])
            #expect(r.err == "qyx: cannot read \(path): not a regular file\n")
            #expect(r.status == 2)
        }
    }

    @Test func billionLaughsInTheFrontMatterIsRefused() throws {
        var yaml = "title: x\na: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for (i, name) in "bcdefghi".enumerated() {
            let previous = String(Array("abcdefghi")[i])
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let r = try Self.render("---\n" + yaml + "---\n# {{title}}\n")
        #expect(r.err == "\(r.path):3:4: error: front matter anchors and aliases (&name, *name) are not supported; write the value out\n")
        #expect(r.status == 1)
        let deep = try Self.render("---\nx: " + String(repeating: "[", count: 5000) + "\n---\n# x\n")
        #expect(deep.err == "\(deep.path):2:35: error: front matter nests deeper than 32 levels\n")
        #expect(deep.status == 1)
        let big = try Self.render("---\ntitle: \"" + String(repeating: "长", count: 30_000) + "\"\n---\n# x\n")
        #expect(big.err == "\(big.path):2:1: error: front matter is over 64 KB\n")
        #expect(big.status == 1)
        // An & or * inside a quoted value is text.
        let quoted = try Self.render("---\ntitle: \"R&D *draft*\"\n---\n{{title}}\n", ["--to", "md"])
        #expect(quoted.status == 0)
    }

    @Test func unescapedTagsPartialsAndDelimitersAreRefused() throws {
        let cases: [(String, String)] = [
            ("# x\n\n{{{name}}}\n", "3:1: error: {{{name}}} would write the value unescaped; use {{name}}"),
            ("# x\n\n{{& name}}\n", "3:1: error: {{&name}} would write the value unescaped; use {{name}}"),
            ("# x\n\n{{> footer}}\n", "3:1: error: unknown partial 'footer': templates have no partials"),
            ("# x\n\n{{=<% %>=}}\n", "3:1: error: {{=…}} (Mustache delimiters and pragmas) is not supported in templates"),
            ("# x\n\n{{%CONTENT_TYPE:TEXT}}\n", "3:1: error: {{%…}} (Mustache delimiters and pragmas) is not supported in templates"),
        ]
        for (template, message) in cases {
            let r = try Self.render(template)
            #expect(r.err == "\(r.path):\(message)\n")
            #expect(r.status == 1)
        }
    }

    @Test func anUnknownParamIsAnErrorWithASuggestion() throws {
        let r = try Self.render("---\nparams: { region: 嵊泗县 }\n---\n# {{ $region }}\n", ["--param", "regoin=洞头区"])
        #expect(r.err == "\(r.path): error: --param regoin: the template has no parameter 'regoin' (did you mean region?); its parameters are region, title\n")
        #expect(r.status == 1)
    }

    @Test func anUnknownParamInStatementsIsAnError() throws {
        let r = try runQyx(["--param", "regoin=洞头区", "-c", "select count(*) from indicators where region = $region"])
        #expect(r.err == "qyx: --param regoin: no statement uses $regoin (did you mean region?)\n")
        #expect(r.out == "")
        #expect(r.status == 2)
        // A $ inside a string is not a parameter.
        let quoted = try runQyx(["--param", "x=1", "-c", "select count(*) from indicators where name = '$x'"])
        #expect(quoted.err == "qyx: --param x: no statement uses $x\n")
        #expect(quoted.status == 2)
    }

    @Test func sectionsThatMultiplyAreStopped() throws {
        let r = try Self.render("# x\n\n{{#select name from indicators}}{{#select name from indicators}}{{#select doc from indicators}}.{{/select}}{{/select}}{{/select}}\n")
        #expect(r.err == "\(r.path):3:68: error: the template repeats its sections more than 100000 times in all; narrow the queries\n")
        #expect(r.status == 1)
    }

    /// A body that starts with `---` (an unclosed front matter, or a rule) is Markdown, not Ink's
    /// metadata: Ink trapped on the unclosed one.
    @Test func aLeadingRuleIsMarkdown() throws {
        let r = try Self.render("---\ntitle [unclosed\n# x\n")
        #expect(r.err == "")
        #expect(r.status == 0)
        #expect(r.out.components(separatedBy: "<main>\n")[1].components(separatedBy: "\n</main>")[0]
            == "<!-- --><hr><p>title [unclosed</p><h1>x</h1>")
    }

    @Test func documentMarkupStaysText() throws {
        let folder = try temporaryFolder()
        var lines = try String(contentsOf: Self.seed, encoding: .utf8).components(separatedBy: "\n")
        #expect(lines[224] == "更新住宅老旧电梯数(台)")
        lines[224] = "<div>[x](javascript:alert(1)) ![](http://evil.example/p.png) <img src=x onerror=alert(1)> [d](data:text/html,x) *em*</div>"
        try lines.joined(separator: "\n").write(to: folder.appendingPathComponent("evil-2025.txt"), atomically: true, encoding: .utf8)
        let template = try temporaryFolder().appendingPathComponent("t.md")
        try """
        # Report

        {{#select name from indicators where seq = 21}}
        {{name}}
        {{/select}}

        [ok](https://example.org) [bad](javascript:alert(2)) [data](data:text/html,x) [mail](mailto:a@example.org) ![remote](http://example.org/i.png)
        """.write(to: template, atomically: true, encoding: .utf8)
        let r = try runQyx(["render", template.path, "--to", "html", "--no-builtin", "--docs", folder.path])
        #expect(r.err == "")
        #expect(r.status == 0)
        let main = r.out.components(separatedBy: "<main>\n")[1].components(separatedBy: "\n</main>")[0]
        #expect(main == """
        <h1>Report</h1><p>&lt;div&gt;[x](javascript:alert(1)) ![](http://evil.example/p.png) &lt;img src=x onerror=alert(1)&gt; [d](data:text/html,x) *em*&lt;/div&gt;</p><p><a href="https://example.org">ok</a> bad data <a href="mailto:a@example.org">mail</a> remote</p>
        """)
    }

    /// Ink's link reader doubled its time with each open `[` (20 took 8 s, 30 would take hours;
    /// found by FuzzTemplate): brackets nested past three reach it escaped; a link inside three still is one.
    @Test func deeplyNestedBracketsRenderInLinearTime() throws {
        let template = try temporaryFolder().appendingPathComponent("t.md")
        try (String(repeating: "[", count: 40) + "h" + String(repeating: "]", count: 20) + "\n\n[a [b [d](https://example.org)]]\n")
            .write(to: template, atomically: true, encoding: .utf8)
        let r = try runQyx(["render", template.path, "--to", "html"])
        #expect(r.err == "" && r.status == 0)
        let main = r.out.components(separatedBy: "<main>\n")[1].components(separatedBy: "\n</main>")[0]
        #expect(main == "<p>" + String(repeating: "[", count: 40) + "h" + String(repeating: "]", count: 20)
            + "</p><p>[a [b <a href=\"https://example.org\">d</a>]]</p>")
    }

    /// Ink never returned from a `<p` that no `>` closes (a two-byte template hung render;
    /// found by FuzzTemplate): such a `<` reaches it as `&lt;`.
    @Test(arguments: ["<p", "<pre", "x <p x", "a\n\n<pa"])
    func anUnclosedTagRenders(_ body: String) throws {
        let template = try temporaryFolder().appendingPathComponent("t.md")
        try body.write(to: template, atomically: true, encoding: .utf8)
        let r = try runQyx(["render", template.path, "--to", "html"])
        #expect(r.err == "" && r.status == 0)
        let main = r.out.components(separatedBy: "<main>\n")[1].components(separatedBy: "\n</main>")[0]
        #expect(main == body.components(separatedBy: "\n\n").map { "<p>" + $0.replacingOccurrences(of: "<", with: "&lt;") + "</p>" }.joined())
    }
}
