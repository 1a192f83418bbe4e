import Foundation
import Mustache
import QyxAnalysis
import QyxLanguage
import QyxModel
import QyxOutput

/// One rendering of a compiled template: answers the generated names Mustache asks for by
/// running the queries, and keeps the first error so the whole render can be refused.
final class ReportRun {
    let engine: Engine
    /// Each query runs with this, its parameters those of the query's scope.
    let context: ExecutionContext
    let compiled: CompiledTemplate
    let format: ReportFormat
    let file: String
    let source: String
    let citations: Citations
    private(set) var failure: ReportError?
    private var cache: [String: ResultSet] = [:]
    /// Rows handed to sections so far, against `maxSectionRows`.
    private var sectionRows = 0
    static let maxSectionRows = 100_000
    /// Each query, parsed by `validate()`.
    private var statements: [ParsedStatement?] = []

    init(engine: Engine, context: ExecutionContext, compiled: CompiledTemplate, format: ReportFormat, file: String, source: String) {
        self.engine = engine
        self.context = context
        self.compiled = compiled
        self.format = format
        self.file = file
        self.source = source
        citations = Citations(engine.database.corpus.documents)
    }

    /// Places an error inside query `index` at its spot in the template file.
    func fail(_ error: QueryError, in index: Int) {
        let q = compiled.queries[index]
        let start = error.range.start
        let line = q.line + start.line - 1
        let column = start.line == 1 ? q.column + start.column - 1 : start.column
        let placed = QueryError(error.message, at: SourceRange(start: SourceLocation(line: line, column: column, offset: 0),
                                                              length: error.range.length), hint: error.hint)
        let formatted = ErrorFormatter.format(placed, source: source, file: file)
        let excerpt = formatted.split(separator: "\n", maxSplits: 1).dropFirst().first.map { String($0) + "\n" }
        fail(ReportError(file: file, line: line, column: column, message: error.message, excerpt: excerpt))
    }

    func fail(_ error: ReportError) {
        if failure == nil { failure = error }
    }

    func fail(_ message: String, in index: Int) {
        let q = compiled.queries[index]
        fail(ReportError(file: file, line: q.line, column: q.column, message: message))
    }

    /// Checks that every query parses, before anything is rendered: a query in a section that
    /// happens to render no rows is still an error.
    func validate() {
        statements = compiled.queries.enumerated().map { i, q -> ParsedStatement? in
            do throws(QueryError) {
                let parsed = try Parser.parseScript(q.text)
                if parsed.count != 1 { fail("a template query must be exactly one statement, found \(parsed.count)", in: i) }
                return parsed.first
            } catch {
                fail(error, in: i)
                return nil
            }
        }
    }

    func result(_ index: Int, parameters: [String: Value]) -> ResultSet? {
        let key = "\(index)\u{1}" + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.displayText)" }.joined(separator: "\u{1}")
        if let hit = cache[key] { return hit }
        guard failure == nil else { return nil }
        var scoped = context
        scoped.parameters = parameters
        do {
            // Parsed once by validate(); a section's nested query runs once per row.
            guard let statement = statements[index] else { return nil }
            let result = try engine.execute(statement, in: scoped)
            cache[key] = result
            return result
        } catch {
            fail(error, in: index)
            return nil
        }
    }

    /// What Mustache gets for query `index` in `scope`.
    func answer(_ index: Int, in scope: Scope) -> Any? {
        let query = compiled.queries[index]
        guard let result = result(index, parameters: scope.parameters) else { return nil }
        switch query.kind {
        case .value:
            guard result.columns.count == 1, result.rows.count <= 1 else {
                fail("an inline query gives one value; this one gives \(result.rows.count) rows × \(result.columns.count) columns (use a ```qyx block for a table)", in: index)
                return nil
            }
            guard let value = result.rows.first?.first else { return "" }
            let cite = result.sources?.first.map { citations.cite($0) }
            switch format {
            case .markdown: return Escape.markdown(value.displayText)
            case .html:
                let title = cite.map { " title=\"\(Escape.html($0))\"" } ?? ""
                return "<span class=\"figure\"\(title)>\(Escape.html(value.displayText))</span>"
            }
        case .section:
            // Nested sections multiply: three levels of a thousand rows would be a billion.
            sectionRows += result.rows.count
            guard sectionRows <= Self.maxSectionRows else {
                fail("the template repeats its sections more than \(Self.maxSectionRows) times in all; narrow the queries", in: index)
                return nil
            }
            return result.rows.enumerated().map { r, row in
                var fields: [String: Value] = [:]
                for (c, column) in result.columns.enumerated() { fields[column.name] = row[c] }
                return Scope(run: self, fields: fields, parent: scope)
            }
        case .block(let chart):
            return block(result, chart: chart, index: index)
        }
    }

    func block(_ result: ResultSet, chart: ChartSpec?, index: Int) -> String {
        let sources = result.sources.map { citations.cite($0.flatMap { $0 }, maxLines: 20) }
        switch format {
        case .markdown:
            var out = ResultRenderer(format: .markdown, width: nil).render(result)
            if let sources, !sources.isEmpty { out += "\n*Source: \(Escape.markdown(sources))*\n" }
            return out
        case .html:
            var body: String
            if let chart {
                do {
                    body = try SVGChart(spec: chart, result: result, citations: citations).render()
                } catch {
                    fail(error.message, in: index)
                    return ""
                }
                if let title = chart.title { body = "<figcaption>\(Escape.html(title))</figcaption>" + body }
                body = "<figure>" + body
            } else {
                body = "<figure>" + HTMLTable.render(result, citations: citations)
            }
            if let sources, !sources.isEmpty { body += "<p class=\"sources\">Source: \(Escape.html(sources))</p>" }
            // One line, blank lines around: the Markdown converter passes it through as a block.
            return "\n" + body + "</figure>\n"
        }
    }
}

/// A level of the Mustache context: the template's parameters at the top, a result row inside
/// a query section. A row's fields are parameters for the queries nested in it (`$domain`).
final class Scope: MustacheParent {
    let run: ReportRun
    let fields: [String: Value]
    let parameters: [String: Value]

    init(run: ReportRun, fields: [String: Value], parent: Scope?) {
        self.run = run
        self.fields = fields
        parameters = (parent?.parameters ?? [:]).merging(fields) { $1 }
    }

    func child(named name: String) -> Any? {
        if name.hasPrefix("__q"), let index = Int(name.dropFirst(3)) { return run.answer(index, in: self) }
        if name.hasPrefix("__p"), let index = Int(name.dropFirst(3)) {
            let use = run.compiled.parameters[index]
            guard let value = parameters[use.name] else {
                run.fail(ReportError(file: run.file, line: use.line, column: use.column,
                                     message: "no parameter $\(use.name); give --param \(use.name)=… or a default under params: in the front matter"))
                return nil
            }
            return value.displayText
        }
        return fields[name].map { $0.isNull ? "" : $0.displayText }
    }
}
