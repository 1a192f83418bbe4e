/// A query found in a template, and where its text starts in the template file.
struct TemplateQuery {
    enum Kind: Equatable {
        /// `{{ select count(*) … }}`: one value in running text.
        case value
        /// `{{#select …}} … {{/select}}`: the block repeats per row; `{{^select …}}` when empty.
        case section
        /// A fenced ```qyx block: a table, or a chart when the fence asks for one.
        case block(ChartSpec?)
    }
    var text: String
    var kind: Kind
    var line: Int
    var column: Int
}

/// Options of a ```qyx fence: `chart=line x=year y=value series=name title="托位"`.
struct ChartSpec: Equatable {
    enum Style: String { case line, bar }
    var style: Style
    var x: String?
    var y: String?
    var series: String?
    var title: String?
}

/// A template rewritten for Mustache: each query becomes a generated name (`__q3`) that the
/// render scope answers, and `$name` becomes `__pN`. Everything else is left to Mustache.
struct CompiledTemplate {
    var mustache: String
    var queries: [TemplateQuery]
    /// `{{ $name }}` uses, by the index in their generated name `__pN`, with their place.
    var parameters: [(name: String, line: Int, column: Int)]
    /// Template-file line of each line of `mustache`, to place Mustache's own errors.
    var lineMap: [Int]

    static let queryWords: Set<String> = ["select", "compare", "show", "describe"]

    static func isQuery(_ text: String) -> Bool {
        let word = text.prefix { $0.isLetter }.lowercased()
        return queryWords.contains(word)
    }

    /// `body` starts at template line `firstLine`.
    static func compile(_ body: String, firstLine: Int, file: String) throws(ReportError) -> CompiledTemplate {
        var scanner = Scanner(chars: Array(body), line: firstLine, file: file)
        return try scanner.run()
    }

    struct Scanner {
        let chars: [Character]
        var line: Int
        var column = 1
        let file: String
        var i = 0
        var out = ""
        var lineMap: [Int]
        var queries: [TemplateQuery] = []
        var parameters: [(name: String, line: Int, column: Int)] = []
        var interned: [String: Int] = [:]
        /// Open sections: the name Mustache sees, and the word the author will close it with.
        var open: [(name: String, closer: String)] = []

        init(chars: [Character], line: Int, file: String) {
            self.chars = chars
            self.line = line
            self.file = file
            lineMap = [line]
        }

        func error(_ message: String, line: Int, column: Int) -> ReportError {
            ReportError(file: file, line: line, column: column, message: message)
        }

        func starts(_ s: String, at j: Int) -> Bool {
            let a = Array(s)
            return j + a.count <= chars.count && Array(chars[j..<(j + a.count)]) == a
        }

        /// Moves past one character of the template, keeping line and column.
        mutating func advance() {
            if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }

        mutating func emit(_ s: String) {
            for c in s {
                out.append(c)
                if c == "\n" { lineMap.append(line) }
            }
        }

        mutating func intern(_ text: String, _ kind: TemplateQuery.Kind, line: Int, column: Int) -> String {
            let key = "\(kind)|\(text)"
            if let n = interned[key] { return "__q\(n)" }
            interned[key] = queries.count
            queries.append(TemplateQuery(text: text, kind: kind, line: line, column: column))
            return "__q\(queries.count - 1)"
        }

        mutating func run() throws(ReportError) -> CompiledTemplate {
            var atLineStart = true
            while i < chars.count {
                if atLineStart, starts("```qyx", at: i) {
                    try fence()
                    continue
                }
                if starts("{{{", at: i) {
                    // Fields hold document text; unescaped, it would be live markup.
                    let name = find("}}}", from: i + 3).map { String(chars[(i + 3)..<$0]).trimmingCharacters(in: .whitespaces) } ?? "…"
                    throw error("{{{\(name)}}} would write the value unescaped; use {{\(name)}}", line: line, column: column)
                }
                if starts("{{", at: i) {
                    try tag()
                    atLineStart = false
                    continue
                }
                let c = chars[i]
                advance()
                emit(String(c))
                atLineStart = c == "\n"
            }
            if let unclosed = open.last, unclosed.name.hasPrefix("__q") {
                let q = queries[Int(unclosed.name.dropFirst(3))!]
                throw error("section {{#\(unclosed.closer) …}} is never closed with {{/\(unclosed.closer)}}", line: q.line, column: q.column)
            }
            return CompiledTemplate(mustache: out, queries: queries, parameters: parameters, lineMap: lineMap)
        }

        func find(_ s: String, from j: Int) -> Int? {
            var k = j
            while k < chars.count {
                if starts(s, at: k) { return k }
                k += 1
            }
            return nil
        }

        /// ```qyx [options] … ``` → `{{{__qN}}}`.
        mutating func fence() throws(ReportError) {
            let fenceLine = line
            var info = ""
            for _ in 0..<6 { advance() }
            let infoColumn = column
            while i < chars.count, chars[i] != "\n" { info.append(chars[i]); advance() }
            if i < chars.count { advance() }
            let spec = try chartSpec(info, line: fenceLine, column: infoColumn)
            let queryLine = line
            var query = ""
            while true {
                guard i < chars.count else {
                    throw error("```qyx block is never closed with ```", line: fenceLine, column: 1)
                }
                if column == 1, starts("```", at: i) {
                    while i < chars.count, chars[i] != "\n" { advance() }
                    break
                }
                query.append(chars[i])
                advance()
            }
            let text = query.hasSuffix("\n") ? String(query.dropLast()) : query
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw error("empty ```qyx block", line: fenceLine, column: 1)
            }
            emit("{{{" + intern(text, .block(spec), line: queryLine, column: 1) + "}}}")
        }

        func chartSpec(_ info: String, line: Int, column: Int) throws(ReportError) -> ChartSpec? {
            var options: [String: String] = [:]
            var columns: [String: Int] = [:]
            var rest = Substring(info)
            var offset = 0
            while true {
                let skipped = rest.prefix { $0 == " " || $0 == "\t" }.count
                rest = rest.dropFirst(skipped)
                offset += skipped
                if rest.isEmpty { break }
                let key = rest.prefix { $0 != "=" && $0 != " " }
                guard rest.dropFirst(key.count).first == "=" else {
                    throw error("fence options are key=value (chart=line|bar, x=, y=, series=, title=), found '\(key)'", line: line, column: column + offset)
                }
                var value = rest.dropFirst(key.count + 1)
                var taken = key.count + 1
                if value.first == "\"" {
                    let body = value.dropFirst().prefix { $0 != "\"" }
                    taken += body.count + 2
                    value = body
                } else {
                    value = value.prefix { $0 != " " }
                    taken += value.count
                }
                guard ["chart", "x", "y", "series", "title"].contains(key) else {
                    throw error("unknown fence option '\(key)'; options are chart, x, y, series, title", line: line, column: column + offset)
                }
                options[String(key)] = String(value)
                columns[String(key)] = column + offset
                rest = rest.dropFirst(min(taken, rest.count))
                offset += taken
            }
            guard let chart = options["chart"] else {
                if !options.isEmpty { throw error("fence options need chart=line or chart=bar", line: line, column: column) }
                return nil
            }
            guard let style = ChartSpec.Style(rawValue: chart) else {
                throw error("chart=\(chart): charts are line or bar", line: line, column: columns["chart"] ?? column)
            }
            return ChartSpec(style: style, x: options["x"], y: options["y"], series: options["series"], title: options["title"])
        }

        /// `{{ … }}`: queries and parameters are rewritten; other tags pass through.
        mutating func tag() throws(ReportError) {
            let start = (line, column)
            guard let end = find("}}", from: i + 2) else { throw error("unterminated {{", line: start.0, column: start.1) }
            var original = ""
            for _ in 0..<2 { advance() }
            while i < end, chars[i] == " " || chars[i] == "\n" || chars[i] == "\t" { original.append(chars[i]); advance() }
            let sigil: Character? = i < end && "#^/".contains(chars[i]) ? chars[i] : nil
            if sigil != nil { original.append(chars[i]); advance() }
            while i < end, chars[i] == " " { original.append(chars[i]); advance() }
            let contentStart = (line, column)
            var content = ""
            while i < end { content.append(chars[i]); advance() }
            original += content
            for _ in 0..<2 { advance() }
            let trimmed = content.trimmingCharacters(in: .whitespacesAndNewlines)
            if sigil == nil, let mark = trimmed.first, "&>=%".contains(mark) {
                let name = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
                switch mark {
                case "&": throw error("{{&\(name)}} would write the value unescaped; use {{\(name)}}", line: start.0, column: start.1)
                // A report is one file: there is nothing a partial could name.
                case ">": throw error("unknown partial '\(name)': templates have no partials", line: start.0, column: start.1)
                // Both could turn the escaping of values off.
                default: throw error("{{\(mark)…}} (Mustache delimiters and pragmas) is not supported in templates", line: start.0, column: start.1)
                }
            }
            switch sigil {
            case "#", "^":
                if Self.isQueryText(trimmed) {
                    let name = intern(trimmed, .section, line: contentStart.0, column: contentStart.1)
                    open.append((name, String(trimmed.prefix { $0.isLetter }.lowercased())))
                    emit("{{\(sigil!)\(name)}}")
                } else {
                    open.append((trimmed, trimmed))
                    emit("{{" + original + "}}")
                }
            case "/":
                if let top = open.popLast(), top.name.hasPrefix("__q"), trimmed.lowercased() == top.closer || trimmed == top.name {
                    emit("{{/\(top.name)}}")
                } else {
                    emit("{{" + original + "}}")
                }
            default:
                if trimmed.hasPrefix("$"), trimmed.dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), trimmed.count > 1 {
                    parameters.append((String(trimmed.dropFirst()), contentStart.0, contentStart.1))
                    emit("{{__p\(parameters.count - 1)}}")
                } else if Self.isQueryText(trimmed) {
                    emit("{{{" + intern(trimmed, .value, line: contentStart.0, column: contentStart.1) + "}}}")
                } else {
                    emit("{{" + original + "}}")
                }
            }
        }

        static func isQueryText(_ text: String) -> Bool {
            CompiledTemplate.isQuery(text) && text.contains(where: { $0 == " " || $0 == "\n" })
        }
    }
}
