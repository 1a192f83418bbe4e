import Ink

/// One self-contained HTML file: the Markdown converted by Ink, styles inline, nothing fetched.
enum HTMLPage {
    static func render(markdown: String, title: String?) -> String {
        // Ink reads a leading `---` as its own metadata block, swallowing text up to the next
        // `---`, and traps when there is none (found by FuzzTemplate). The front matter is
        // already gone, so an empty comment first keeps a leading rule or list as Markdown.
        let source = markdown.first(where: { !$0.isWhitespace }) == "-" ? "<!-- -->\n" + markdown : markdown
        let body = Self.safeLinks(MarkdownParser().html(from: Self.escapingUnclosedTags(Self.boundingLinkNesting(source))))
        // A heading taken from the filled Markdown is already escaped; a front-matter title is not.
        let heading = title.map(Escape.html) ?? firstHeading(markdown) ?? "qyx report"
        return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="qyx">
        <title>\(heading)</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// Deepest nesting of `[` handed to Ink: its link reader backtracks over every open `[`, so
    /// each one more doubles the time (16 took 0.65 s, 20 took 8 s; found by FuzzTemplate).
    static let maximumLinkNesting = 3

    /// `text` with each `[` past `maximumLinkNesting` open ones, and the `]` that closes it,
    /// escaped as `\[` and `\]`: no link nests that deep, so the page reads the same, in linear time.
    static func boundingLinkNesting(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        // For each open `[`: whether it was escaped.
        var open: [Bool] = []
        var escaped = false
        for c in text.unicodeScalars {
            defer { escaped = !escaped && c == "\\" }
            if escaped { out.append(c); continue }
            switch c {
            case "[":
                let tooDeep = open.count >= maximumLinkNesting
                open.append(tooDeep)
                if tooDeep { out.append("\\") }
            case "]":
                if open.popLast() == true { out.append("\\") }
            case "\n" where open.count > 0:
                // A blank line ends the paragraph, and with it every open bracket.
                if out.last == "\n" { open.removeAll() }
            default:
                break
            }
            out.append(c)
        }
        return String(out)
    }

    /// `text` with each `<` that no `>` follows written `&lt;`: Ink never returns from a `<p`
    /// (or `<pre`, `<p x`) that no `>` closes (a two-byte template hung render; found by
    /// FuzzTemplate). Such a `<` starts no tag, so the page reads the same.
    static func escapingUnclosedTags(_ text: String) -> String {
        let scalars = text.unicodeScalars
        // Everything after the last `>`; all of it when there is none.
        let tail = scalars.lastIndex(of: ">").map { scalars.index(after: $0) } ?? scalars.startIndex
        guard scalars[tail...].contains("<") else { return text }
        var out = String.UnicodeScalarView(scalars[..<tail])
        for c in scalars[tail...] {
            if c == "<" { out.append(contentsOf: "&lt;".unicodeScalars) } else { out.append(c) }
        }
        return String(out)
    }

    /// Links and images come only from the template (document text is escaped), and even there
    /// a link keeps only http, https, mailto or a scheme-less (relative) address, and an image
    /// only a relative one: `javascript:` and `data:` links become their text, a remote image
    /// its alt text, so the page runs nothing and fetches nothing from the network.
    static func safeLinks(_ html: String) -> String {
        // Ink writes links as `<a href="URL">TEXT</a>` and images as `<img src="URL" alt="ALT"/>`.
        html.replacing(#/<a href="([^"]*)">(.*?)<\/a>/#.dotMatchesNewlines()) { linkAllowed(String($0.1)) ? String($0.0) : String($0.2) }
            .replacing(#/<img src="([^"]*)" alt="([^"]*)"\/>/#) { imageAllowed(String($0.1)) ? String($0.0) : String($0.2) }
    }

    /// The scheme of `url`, lowercased, or nil for a relative address. An entity (`&#58;`) before
    /// the path counts as a scheme: a browser decodes it in the attribute.
    static func scheme(_ url: String) -> String? {
        let head = url.prefix { !"/?#".contains($0) }
        guard let colon = head.firstIndex(where: { $0 == ":" || $0 == "&" }) else { return nil }
        return head[..<colon].lowercased().filter { !$0.isWhitespace }
    }

    static func linkAllowed(_ url: String) -> Bool {
        guard let scheme = scheme(url) else { return true }
        return ["http", "https", "mailto"].contains(scheme)
    }

    static func imageAllowed(_ url: String) -> Bool { scheme(url) == nil && !url.hasPrefix("//") }

    static func firstHeading(_ markdown: String) -> String? {
        markdown.split(separator: "\n").first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) }
    }

    static let style = """
    body { margin: 0; background: #fafafa; color: #1d1d1f; font: 16px/1.65 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
    main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; background: #fff; }
    h1 { font-size: 1.7rem; border-bottom: 2px solid #1f6fb2; padding-bottom: .3rem; }
    h2 { font-size: 1.3rem; margin-top: 2.2rem; }
    h3 { font-size: 1.1rem; }
    table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0; }
    th, td { border-bottom: 1px solid #e3e3e3; padding: .3rem .5rem; text-align: left; vertical-align: top; }
    th { background: #f2f5f9; font-weight: 600; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr[title]:hover { background: #fff7e0; cursor: help; }
    figure { margin: 1rem 0 1.5rem; }
    figcaption { font-weight: 600; margin-bottom: .3rem; }
    .sources { color: #666; font-size: .8rem; margin: .2rem 0 0; }
    .figure { border-bottom: 1px dotted #1f6fb2; cursor: help; }
    svg.chart { width: 100%; height: auto; font-size: 12px; }
    svg .grid { stroke: #e6e6e6; }
    svg .axis { stroke: #999; }
    svg .tick, svg .legend, svg .value { fill: #444; }
    svg circle:hover, svg rect:hover { opacity: .7; }
    @media print { body { background: #fff; } main { padding: 0; } }
    """
}
