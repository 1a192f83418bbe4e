/// A recursive-descent parser that follows grammar/qyx.ebnf production by production.
public struct Parser {
    var tokens: [Token]
    var position = 0
    let source: [Character]
    var depth = 0
    /// Nesting deeper than this is refused rather than risking the stack.
    static let maxDepth = 256

    public static let statementKeywords: Set<String> = ["select", "compare", "describe", "show"]
    /// Words that end an expression or clause; never read as a field or value.
    static let reserved: Set<String> = [
        "select", "from", "where", "group", "by", "having", "order", "limit", "offset", "and", "or", "not",
        "between", "in", "like", "contains", "is", "null", "as", "asc", "desc", "distinct", "compare",
        "describe", "show", "true", "false",
    ]

    public init(_ text: String) throws(QueryError) {
        tokens = try Lexer.tokenize(text)
        source = Array(text)
    }

    /// Parses a whole script: statements separated by `;` (or starting on a new line).
    public static func parseScript(_ text: String) throws(QueryError) -> [ParsedStatement] {
        var parser = try Parser(text)
        return try parser.script()
    }

    var current: Token { tokens[position] }
    func peek(_ k: Int = 1) -> Token { tokens[min(position + k, tokens.count - 1)] }

    mutating func advance() -> Token {
        let t = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    func error(_ message: String, at token: Token? = nil) -> QueryError {
        let t = token ?? current
        let found = t.kind == .end ? "end of input" : "'\(t.text)'"
        return QueryError("\(message), found \(found)", at: t.range)
    }

    mutating func expectKeyword(_ word: String, _ why: String = "") throws(QueryError) {
        guard current.isKeyword(word) else { throw error("expected '\(word)'\(why)") }
        _ = advance()
    }

    mutating func acceptKeyword(_ word: String) -> Bool {
        if current.isKeyword(word) { _ = advance(); return true }
        return false
    }

    mutating func acceptSymbol(_ s: String) -> Bool {
        if current.isSymbol(s) { _ = advance(); return true }
        return false
    }

    mutating func expectSymbol(_ s: String, _ why: String = "") throws(QueryError) {
        guard acceptSymbol(s) else { throw error("expected '\(s)'\(why)") }
    }

    func span(from start: SourceRange, to end: Token? = nil) -> SourceRange {
        let last = end ?? tokens[max(position - 1, 0)]
        return SourceRange(start: start.start, length: last.range.start.offset + last.range.length - start.start.offset)
    }

    func text(of range: SourceRange) -> String {
        let a = range.start.offset, b = min(source.count, a + range.length)
        return String(source[a..<b])
    }

    // MARK: script ::= statement? ( ';' statement? )*

    mutating func script() throws(QueryError) -> [ParsedStatement] {
        var out: [ParsedStatement] = []
        while current.kind != .end {
            if acceptSymbol(";") { continue }
            let start = current.range
            let statement = try statement()
            out.append(ParsedStatement(statement: statement, range: span(from: start)))
            if current.kind == .end || acceptSymbol(";") { continue }
            // A new statement on a new line needs no `;`.
            if current.kind == .identifier, Self.statementKeywords.contains(current.text.lowercased()),
               current.range.start.line > tokens[position - 1].range.start.line { continue }
            throw error("expected ';' or the end of the statement")
        }
        return out
    }

    mutating func statement() throws(QueryError) -> Statement {
        let t = current
        guard t.kind == .identifier else { throw error("expected a statement (select, compare, describe, show)") }
        switch t.text.lowercased() {
        case "select": return .select(try select())
        case "compare": return try compare()
        case "describe":
            _ = advance()
            return .describe(try name("an entity name after 'describe'"))
        case "show": return try show()
        default:
            let hint = Suggest.closest(t.text.lowercased(), among: Array(Self.statementKeywords)).map { "did you mean \($0)?" }
            throw QueryError("unknown statement '\(t.text)'; expected select, compare, describe or show", at: t.range, hint: hint)
        }
    }

    mutating func name(_ what: String) throws(QueryError) -> Name {
        guard current.kind == .identifier || current.kind == .word else { throw error("expected \(what)") }
        let t = advance()
        return Name(text: t.text, range: t.range)
    }

    // select ::= 'select' 'distinct'? ( entity | item (',' item)* 'from' entity ) where? group? having? order? limit?
    mutating func select() throws(QueryError) -> SelectStatement {
        try expectKeyword("select")
        let distinct = acceptKeyword("distinct")
        var items: [SelectItem] = []
        let entity: Name
        let next = peek()
        if current.kind == .identifier, !Self.reserved.contains(current.text.lowercased()),
           !(next.isSymbol(",") || next.isSymbol("(") || next.isSymbol(".") || next.isKeyword("from") || next.isKeyword("as")) {
            entity = try name("an entity name")
        } else {
            repeat { items.append(try selectItem()) } while acceptSymbol(",")
            try expectKeyword("from", " after the select list")
            entity = try name("an entity name after 'from'")
        }
        var s = SelectStatement(distinct: distinct, items: items, entity: entity)
        if acceptKeyword("where") { s.filter = try expression() }
        if acceptKeyword("group") {
            try expectKeyword("by", " after 'group'")
            repeat { s.groupBy.append(try expression()) } while acceptSymbol(",")
        }
        if acceptKeyword("having") { s.having = try expression() }
        if acceptKeyword("order") {
            try expectKeyword("by", " after 'order'")
            repeat {
                let e = try expression()
                let desc = acceptKeyword("desc")
                if !desc { _ = acceptKeyword("asc") }
                s.orderBy.append(OrderItem(expr: e, descending: desc))
            } while acceptSymbol(",")
        }
        if acceptKeyword("limit") { s.limit = try expression() }
        if acceptKeyword("offset") { s.offset = try expression() }
        return s
    }

    mutating func selectItem() throws(QueryError) -> SelectItem {
        let start = current.range
        if current.isSymbol("*") {
            _ = advance()
            return SelectItem(expr: .field(["*"], start), alias: nil, text: "*")
        }
        let e = try expression()
        let written = text(of: span(from: start))
        if acceptKeyword("as") {
            let alias = try name("a column name after 'as'")
            return SelectItem(expr: e, alias: alias.text, text: written)
        }
        return SelectItem(expr: e, alias: nil, text: written)
    }

    // compare ::= 'compare' entity 'by' name ('where' expr)?
    mutating func compare() throws(QueryError) -> Statement {
        try expectKeyword("compare")
        let entity = try name("an entity name after 'compare'")
        try expectKeyword("by", " after the entity (compare indicators by year)")
        let by = try name("year or region after 'by'")
        let filter = acceptKeyword("where") ? try expression() : nil
        return .compare(entity: entity, by: by, filter: filter)
    }

    // show ::= 'show' ( 'entities' | 'domains' | 'values' 'of' name ( 'from' entity )? )
    mutating func show() throws(QueryError) -> Statement {
        try expectKeyword("show")
        if acceptKeyword("entities") { return .showEntities }
        if acceptKeyword("domains") { return .showDomains }
        if acceptKeyword("values") {
            try expectKeyword("of", " (show values of FIELD)")
            let field = try name("a field name after 'of'")
            let entity = acceptKeyword("from") || acceptKeyword("in") ? try name("an entity name") : nil
            return .showValues(field: field, entity: entity)
        }
        throw error("expected entities, domains or values of FIELD after 'show'")
    }

    // MARK: expressions, lowest precedence first

    public mutating func expression() throws(QueryError) -> Expr {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else {
            throw QueryError("expression nested more than \(Self.maxDepth) levels deep", at: current.range)
        }
        return try orExpr()
    }

    mutating func orExpr() throws(QueryError) -> Expr {
        var operands = [try andExpr()]
        while current.isKeyword("or") {
            _ = advance()
            operands.append(try andExpr())
        }
        return Self.balanced(.or, operands)
    }

    mutating func andExpr() throws(QueryError) -> Expr {
        var operands = [try notExpr()]
        while current.isKeyword("and") {
            _ = advance()
            operands.append(try notExpr())
        }
        return Self.balanced(.and, operands)
    }

    /// `a or b or c …` as a balanced tree: and/or associate, and a generated filter of
    /// thousands of alternatives must not become a chain thousands of levels deep.
    static func balanced(_ op: LogicalOperator, _ operands: [Expr]) -> Expr {
        if operands.count == 1 { return operands[0] }
        let middle = operands.count / 2
        let left = balanced(op, Array(operands[..<middle])), right = balanced(op, Array(operands[middle...]))
        return .binary(op: .logical(op), left, right, SourceRange(start: left.range.start, length: right.range.start.offset + right.range.length - left.range.start.offset))
    }

    /// Arithmetic does not associate, so its chains count as nesting.
    mutating func chainStep(_ steps: inout Int) throws(QueryError) {
        steps += 1
        guard depth + steps <= Self.maxDepth else {
            throw QueryError("expression nested more than \(Self.maxDepth) levels deep", at: current.range)
        }
    }

    mutating func notExpr() throws(QueryError) -> Expr {
        if current.isKeyword("not") {
            let t = advance()
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maxDepth else { throw QueryError("expression nested more than \(Self.maxDepth) levels deep", at: t.range) }
            let operand = try notExpr()
            return .unary(op: .not, operand, span(from: t.range))
        }
        return try predicate()
    }

    /// `~` and `!~` sit at the precedence of `=` and `<`, unlike the keyword patterns.
    static func bindsAsComparison(_ op: BinaryOperator) -> Bool {
        switch op {
        case .comparison, .pattern(.matches), .pattern(.notMatches): return true
        case .arithmetic, .logical, .pattern: return false
        }
    }

    mutating func predicate() throws(QueryError) -> Expr {
        let left = try additive()
        let start = left.range
        if let op = current.op, Self.bindsAsComparison(op) {
            _ = advance()
            let right = try additive()
            return .binary(op: op, left, right, span(from: start))
        }
        var negated = false
        if current.isKeyword("not"), ["between", "in", "like", "contains"].contains(where: { peek().isKeyword($0) }) {
            _ = advance()
            negated = true
        }
        if acceptKeyword("between") {
            let low = try additive()
            try expectKeyword("and", " in 'between … and …'")
            let high = try additive()
            return .between(left, low, high, negated: negated, span(from: start))
        }
        if acceptKeyword("in") {
            try expectSymbol("(", " after 'in'")
            var items: [Expr] = []
            if !current.isSymbol(")") {
                repeat { items.append(try additive()) } while acceptSymbol(",")
            }
            try expectSymbol(")", " to close the 'in' list")
            return .inList(left, items, negated: negated, span(from: start))
        }
        for op in [PatternOperator.like, .contains] where acceptKeyword(op.rawValue) {
            let right = try additive()
            let e = Expr.binary(op: .pattern(op), left, right, span(from: start))
            return negated ? .unary(op: .not, e, span(from: start)) : e
        }
        if acceptKeyword("is") {
            let not = acceptKeyword("not")
            try expectKeyword("null", " after 'is'")
            return .isNull(left, negated: not, span(from: start))
        }
        return left
    }

    mutating func additive() throws(QueryError) -> Expr {
        var left = try multiplicative()
        var steps = 0
        while let op = current.op, op == .arithmetic(.add) || op == .arithmetic(.subtract) {
            try chainStep(&steps)
            _ = advance()
            let right = try multiplicative()
            left = .binary(op: op, left, right, span(from: left.range))
        }
        return left
    }

    mutating func multiplicative() throws(QueryError) -> Expr {
        var left = try unary()
        var steps = 0
        while let op = current.op,
              op == .arithmetic(.multiply) || op == .arithmetic(.divide) || (op == .arithmetic(.remainder) && startsOperand(peek())) {
            try chainStep(&steps)
            _ = advance()
            let right = try unary()
            left = .binary(op: op, left, right, span(from: left.range))
        }
        return left
    }

    func startsOperand(_ t: Token) -> Bool {
        switch t.kind {
        case .number, .string, .date, .parameter, .word: return true
        case .identifier: return !Self.reserved.contains(t.text.lowercased()) || ["null", "true", "false", "not"].contains(t.text.lowercased())
        case .symbol: return t.text == "(" || t.text == "-"
        case .end: return false
        }
    }

    mutating func unary() throws(QueryError) -> Expr {
        if current.isSymbol("-") {
            let t = advance()
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maxDepth else { throw QueryError("expression nested more than \(Self.maxDepth) levels deep", at: t.range) }
            // A minus sign before a number is part of the literal, so -9223372036854775808 fits.
            if current.kind == .number {
                switch try primary(negative: true) {
                case .number(let v, let integer, _): return .number(v, integer: integer, span(from: t.range))
                case .quantity(let v, let unit, _): return .quantity(v, unit: unit, span(from: t.range))
                case let other: return other
                }
            }
            return .unary(op: .negate, try unary(), span(from: t.range))
        }
        return try primary()
    }

    mutating func primary(negative: Bool = false) throws(QueryError) -> Expr {
        let t = current
        switch t.kind {
        case .number:
            _ = advance()
            let value = (Double(t.text) ?? .nan) * (negative ? -1 : 1)
            var integer: Int?
            if !t.text.contains(".") && !t.text.lowercased().contains("e") {
                let digits = negative ? "-" + t.text : t.text
                guard let i = Int(digits) else {
                    throw QueryError("integer overflow in \(digits)", at: t.range,
                                     hint: "integers are 64-bit, \(Int.min) to \(Int.max); write \(digits).0 for a floating-point number")
                }
                integer = i
            }
            // 1500 人, 0.6 亿元, 90 %: a number with a unit is a quantity.
            if current.kind == .word, current.text.count <= 4, current.range.start.offset > t.range.start.offset {
                let unit = advance()
                return .quantity(value, unit: unit.text, span(from: t.range))
            }
            if current.isSymbol("%"), !startsOperand(peek()) {
                _ = advance()
                return .quantity(value, unit: "%", span(from: t.range))
            }
            return .number(value, integer: integer, t.range)
        case .string:
            _ = advance()
            return .string(t.text, t.range)
        case .date:
            _ = advance()
            return .date(t.text, t.range)
        case .parameter:
            _ = advance()
            return .parameter(t.text, t.range)
        case .word:
            _ = advance()
            return .word(t.text, t.range)
        case .symbol where t.text == "(":
            _ = advance()
            let e = try expression()
            try expectSymbol(")", " to close '(' at \(t.range.start.line):\(t.range.start.column)")
            return e
        case .identifier:
            let lower = t.text.lowercased()
            if lower == "null" { _ = advance(); return .null(t.range) }
            if lower == "true" || lower == "false" { _ = advance(); return .boolean(lower == "true", t.range) }
            if Self.reserved.contains(lower) { throw error("expected a value or field") }
            _ = advance()
            if current.isSymbol("(") { return try call(t) }
            var path = [t.text]
            if current.isSymbol("."), peek().kind == .identifier {
                _ = advance()
                path.append(advance().text)
            }
            return .field(path, span(from: t.range))
        default:
            throw error("expected a value or field")
        }
    }

    mutating func call(_ nameToken: Token) throws(QueryError) -> Expr {
        try expectSymbol("(")
        if acceptSymbol("*") {
            try expectSymbol(")", " after '*'")
            return .call(name: nameToken.text.lowercased(), args: [], star: true, distinct: false, span(from: nameToken.range))
        }
        let distinct = acceptKeyword("distinct")
        var args: [Expr] = []
        if !current.isSymbol(")") {
            repeat { args.append(try expression()) } while acceptSymbol(",")
        }
        try expectSymbol(")", " to close the call of \(nameToken.text)(")
        return .call(name: nameToken.text.lowercased(), args: args, star: false, distinct: distinct, span(from: nameToken.range))
    }
}
