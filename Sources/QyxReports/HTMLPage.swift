import Ink

/// One self-contained HTML file: the Markdown converted by Ink, styles inline, nothing fetched.
enum HTMLPage {
    static func render(markdown: String, title: String?) -> String {
        let body = MarkdownParser().html(from: markdown)
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
