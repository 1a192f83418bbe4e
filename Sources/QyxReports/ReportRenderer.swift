import Foundation
import Mustache
import QyxLanguage
import QyxModel

/// What a report is written as.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown = "md"
    case html
}

/// Fills a report template: Markdown with YAML front matter, Mustache tags, and queries in
/// `{{ … }}`, `{{#select …}} … {{/select}}` sections and ```qyx blocks.
public struct ReportRenderer {
    public let engine: Engine
    /// How the render's queries may be stopped; its parameters are the template's own.
    public let context: ExecutionContext

    public init(engine: Engine, context: ExecutionContext = ExecutionContext()) {
        self.engine = engine
        self.context = context
    }

    /// The whole report, or the first error; nothing partial is returned.
    public func render(template text: String, file: String, parameters: [String: Value],
                       to format: ReportFormat) throws(ReportError) -> String {
        let (matter, body) = try FrontMatter.split(text, file: file)
        let compiled = try CompiledTemplate.compile(body, firstLine: matter.lineCount + 1, file: file)
        let mustache: MustacheTemplate
        do {
            // Every value is escaped for the output: Markdown markup, or text that stays text
            // through the Markdown-to-HTML conversion.
            MustacheContentTypes.register(MarkdownContent(), named: "QYX_MARKDOWN")
            MustacheContentTypes.register(HTMLMarkdownContent(), named: "QYX_HTML_MARKDOWN")
            mustache = try MustacheTemplate(string: (format == .markdown ? "{{%CONTENT_TYPE:QYX_MARKDOWN}}" : "{{%CONTENT_TYPE:QYX_HTML_MARKDOWN}}") + compiled.mustache)
        } catch let error as MustacheTemplate.ParserError {
            let line = compiled.lineMap[min(max(error.context.lineNumber - 1, 0), compiled.lineMap.count - 1)]
            throw ReportError(file: file, line: line, column: error.context.columnNumber, message: "template: \(Self.describe(error.error))")
        } catch {
            throw ReportError(file: file, line: 1, column: 1, message: "template: \(error)")
        }
        try Self.checkParameters(parameters, matter: matter, compiled: compiled, file: file)
        // Reports cite every figure.
        var queryContext = context
        queryContext.tracksProvenance = true
        let run = ReportRun(engine: engine, context: queryContext, compiled: compiled, format: format, file: file, source: text)
        run.validate()
        if let failure = run.failure { throw failure }
        var values = matter.parameters.merging(parameters) { $1 }
        if let title = matter.title, values["title"] == nil { values["title"] = .text(title) }
        let root = Scope(run: run, fields: values, parent: nil)
        let filled = mustache.render(root)
        if let failure = run.failure { throw failure }
        switch format {
        case .markdown: return filled
        case .html: return HTMLPage.render(markdown: filled, title: matter.title.map { Self.fill($0, values) })
        }
    }

    /// A `--param` the template never names is a misspelling, not a no-op: the names it may
    /// give are the front matter's `params:`, `title`, and every `$name` in its queries and tags.
    static func checkParameters(_ given: [String: Value], matter: FrontMatter, compiled: CompiledTemplate,
                                file: String) throws(ReportError) {
        var known = Set(matter.parameters.keys).union(compiled.parameters.map(\.name))
        known.insert("title")
        for query in compiled.queries { known.formUnion(Lexer.parameterNames(in: query.text)) }
        for name in given.keys.sorted() where !known.contains(name) {
            let hint = Suggest.closest(name, among: known.sorted()).map { " (did you mean \($0)?)" } ?? ""
            let list = known.isEmpty ? "" : "; its parameters are " + known.sorted().joined(separator: ", ")
            throw ReportError(file: file, line: 0, column: 0, message: "--param \(name): the template has no parameter '\(name)'\(hint)\(list)")
        }
    }

    /// The first line of a Markdown report written to a file: invisible once rendered, it tells
    /// a later `render -o` that the file is a report it may replace. (HTML reports carry
    /// `<meta name="generator" content="qyx">`.)
    public static let markdownMarker = "<!-- written by qyx render -->\n"

    /// Whether the file at `path` is a report qyx wrote, judged by its first kilobyte.
    public static func wroteReport(at path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 1024) else { return false }
        let text = String(decoding: head, as: UTF8.self)
        return text.hasPrefix(markdownMarker)
            || text.hasPrefix("<!DOCTYPE html>") && text.contains("<meta name=\"generator\" content=\"qyx\">")
    }

    /// A front-matter title may name parameters: `{{region}} {{year}} 年七优享报告`.
    static func fill(_ title: String, _ values: [String: Value]) -> String {
        guard let template = try? MustacheTemplate(string: "{{%CONTENT_TYPE:TEXT}}" + title) else { return title }
        return template.render(values.mapValues(\.displayText))
    }

    struct MarkdownContent: MustacheContentType {
        func escapeText(_ text: String) -> String { Escape.markdown(text) }
    }

    /// Values in a template rendered to HTML: they go through the Markdown converter next.
    struct HTMLMarkdownContent: MustacheContentType {
        func escapeText(_ text: String) -> String { Escape.markdownForHTML(text) }
    }

    static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: return "a closing {{/…}} does not match the section it closes"
        case .unfinishedName: return "a tag is not finished"
        case .expectedSectionEnd: return "a section is never closed"
        default: return "\(error)"
        }
    }
}
