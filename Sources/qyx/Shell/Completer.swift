import QyxLanguage
import QyxModel
import QyxOutput

/// Tab completion in context: after `from` the entities, after `domain =` the domains and their
/// aliases, after `lead = 县` the departments, elsewhere keywords and the entity's fields.
final class Completer {
    let database: Database
    /// Distinct values of each text field across all entities, computed on first use.
    private var valueCache: [String: [String]] = [:]

    static let keywords = ["select", "from", "where", "and", "or", "not", "group", "by", "having", "order", "limit",
                           "offset", "distinct", "as", "asc", "desc", "between", "in", "like", "contains", "is", "null",
                           "compare", "describe", "show", "entities", "domains", "values", "of", "count", "sum", "avg",
                           "min", "max", "help"]
    static let metaCommands = [".help", ".mode", ".format", ".timer", ".pager", ".expanded", ".read", ".output", ".docs", ".schema", ".quit", ".exit"]
    static let separators: Set<Character> = [" ", "\t", "\n", "(", ")", ",", ";", "=", "<", ">", "!", "~", "\"", "'", "“", "「", "（", "，"]

    init(database: Database) { self.database = database }

    struct Outcome {
        /// Text to insert at the cursor.
        var insertion: String
        /// Every candidate, when more than one fits and none can be extended.
        var candidates: [String]
        /// Characters before the cursor the insertion replaces: a bare prefix becoming a
        /// quoted value.
        var replacing = 0
    }

    func complete(_ before: String) -> Outcome {
        let prefix = String(before.reversed().prefix { !Self.separators.contains($0) }.reversed())
        let context = String(before.dropLast(prefix.count))
        let typedQuote = context.last == "\""
        let lower = prefix.lowercased()
        // A quoted value matches what is typed after its quote, or a bare start of it.
        let candidates = self.candidates(context: context, prefix: prefix).filter { candidate in
            candidate != prefix && (candidate.lowercased().hasPrefix(lower) || Self.unquoted(candidate).lowercased().hasPrefix(lower))
        }
        guard !candidates.isEmpty else { return Outcome(insertion: "", candidates: []) }
        if candidates.count == 1 {
            let candidate = candidates[0]
            if candidate.lowercased().hasPrefix(lower) {
                return Outcome(insertion: String(candidate.dropFirst(prefix.count)) + " ", candidates: candidates)
            }
            if typedQuote {
                return Outcome(insertion: String(candidate.dropFirst(prefix.count + 1)) + " ", candidates: candidates)
            }
            return Outcome(insertion: candidate + " ", candidates: candidates, replacing: prefix.unicodeScalars.count)
        }
        let common = Self.commonPrefix(candidates.map { typedQuote ? String($0.dropFirst($0.hasPrefix("\"") ? 1 : 0)) : $0 })
        if common.lowercased().hasPrefix(lower) {
            return Outcome(insertion: String(common.dropFirst(prefix.count)), candidates: candidates)
        }
        // Quoted values only: the bare start gets its quote.
        if common.hasPrefix("\""), common.dropFirst().lowercased().hasPrefix(lower) {
            return Outcome(insertion: common, candidates: candidates, replacing: prefix.unicodeScalars.count)
        }
        return Outcome(insertion: "", candidates: candidates)
    }

    /// A value as written between its quotes.
    static func unquoted(_ candidate: String) -> String {
        guard candidate.count >= 2, candidate.hasPrefix("\""), candidate.hasSuffix("\"") else { return candidate }
        return String(candidate.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }

    func candidates(context: String, prefix: String) -> [String] {
        let trimmed = context.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty && prefix.hasPrefix(".") { return Self.metaCommands }
        // An opened quote starts the value being completed.
        let words = Self.words(trimmed.hasSuffix("\"") ? String(trimmed.dropLast()) : trimmed)
        let entity = currentEntity(words)
        let last = words.last?.lowercased() ?? ""
        if ["from", "describe", "compare", ".schema"].contains(last) || (last == "select" && prefix.isEmpty == false && entityNames.contains { $0.hasPrefix(prefix.lowercased()) }) {
            return entityNames + (last == "select" ? fieldsOf(entity) : [])
        }
        if trimmed.hasPrefix(".format") || trimmed.hasPrefix(".mode") { return OutputFormat.allCases.map(\.rawValue) }
        if trimmed.hasPrefix(".timer") || trimmed.hasPrefix(".pager") { return ["on", "off"] }
        if trimmed.hasPrefix(".expanded") { return ["on", "off", "auto"] }
        if trimmed.hasPrefix(".help") { return Help.topics }
        // After a comparison: values of the field on its left.
        if let field = fieldBeforeOperator(words) { return values(of: field, entity: entity) }
        if last == "of" { return fieldsOf(entity) }
        return Self.keywords + fieldsOf(entity) + entityNames
    }

    var entityNames: [String] { database.entityNames }

    /// Words of the text, with operators as their own words.
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for c in text {
            if c == " " || c == "\t" || c == "\n" || c == "," || c == "(" || c == ")" {
                if !current.isEmpty { out.append(current); current = "" }
            } else if "=<>!~".contains(c) {
                if !current.isEmpty, !"=<>!~".contains(current.last!) { out.append(current); current = "" }
                current.append(c)
            } else {
                if !current.isEmpty, "=<>!~".contains(current.last!) { out.append(current); current = "" }
                current.append(c)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The entity the statement is about: `select ENTITY`, `from ENTITY`, `compare ENTITY`.
    func currentEntity(_ words: [String]) -> String? {
        for (i, w) in words.enumerated().reversed() where ["from", "select", "compare", "describe"].contains(w.lowercased()) {
            if i + 1 < words.count, entityNames.contains(words[i + 1].lowercased()) { return words[i + 1].lowercased() }
        }
        return nil
    }

    func fieldBeforeOperator(_ words: [String]) -> String? {
        let operators: Set<String> = ["=", "!=", "<>", "<", "<=", ">", ">=", "~", "!~", "contains", "like", "in"]
        guard let last = words.last, operators.contains(last.lowercased()), words.count >= 2 else {
            // `domain in (幼有善育, ` keeps offering values.
            if let open = words.lastIndex(where: { $0.lowercased() == "in" }), open >= 1, open < words.count {
                return words[open - 1]
            }
            return nil
        }
        return words[words.count - 2]
    }

    func fieldsOf(_ entity: String?) -> [String] {
        if let entity, let t = database.table(entity) { return t.fields.map(\.name) }
        var seen = Set<String>()
        return database.entityTables.flatMap { $0.fields.map(\.name) }.filter { seen.insert($0).inserted }
    }

    func values(of field: String, entity: String?) -> [String] {
        let name = field.lowercased()
        if name == "domain" { return Domain.all.map(\.name) + Domain.all.map(\.alias) }
        let key = (entity ?? "*") + "." + name
        if let cached = valueCache[key] { return cached }
        var seen = Set<String>()
        var out: [String] = []
        let tables = entity.flatMap { database.table($0) }.map { [$0] } ?? database.entityNames.compactMap { database.table($0) }
        for table in tables {
            guard let column = table.column(name), column.spec.type == .text || column.spec.type == .list else { continue }
            for r in 0..<table.count {
                let v = column.value(r, database.pool)
                let items: [Value] = { if case .list(let l) = v { return l } else { return [v] } }()
                for item in items {
                    if case .text(let s) = item, s.count <= 40, seen.insert(s).inserted { out.append(s) }
                }
            }
        }
        let quoted = out.map { Self.isBareWord($0) ? $0 : "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        valueCache[key] = quoted
        return quoted
    }

    /// Whether the Lexer reads `value` as one bare word (a Chinese run); anything else (spaces,
    /// punctuation, an ASCII name that would be a field, a number) needs quotes. A doubled quote
    /// inside them stands for one.
    static func isBareWord(_ value: String) -> Bool {
        guard let tokens = try? Lexer.tokenize(value), tokens.count == 2 else { return false }
        return tokens[0].kind == .word && tokens[0].text == value
    }

    static func commonPrefix(_ items: [String]) -> String {
        guard var prefix = items.first.map(Array.init) else { return "" }
        for item in items.dropFirst() {
            let chars = Array(item)
            var n = 0
            while n < prefix.count, n < chars.count, prefix[n] == chars[n] { n += 1 }
            prefix = Array(prefix.prefix(n))
        }
        return String(prefix)
    }

    /// Candidates in columns, as shells list them.
    static func layout(_ items: [String], width: Int) -> String {
        let shown = Array(items.prefix(60))
        let cell = (shown.map { DisplayWidth.of($0) }.max() ?? 0) + 2
        let perLine = max(1, width / max(cell, 1))
        var out = ""
        for (i, item) in shown.enumerated() {
            out += DisplayWidth.pad(item, to: cell)
            if (i + 1) % perLine == 0 { out += "\n" }
        }
        if !out.hasSuffix("\n") { out += "\n" }
        if items.count > shown.count { out += "… and \(items.count - shown.count) more\n" }
        return out
    }
}

import Foundation
import QyxStorage
