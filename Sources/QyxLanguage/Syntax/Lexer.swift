/// Splits query text into tokens. Strings are written in "…", '…', “…” or 「…」; `--` starts a
/// comment to the end of the line; runs of Chinese (or other non-ASCII) letters are bare words.
public struct Lexer {
    let chars: [Character]
    var index = 0
    var line = 1
    var column = 1

    public init(_ text: String) { chars = Array(text) }

    /// All tokens, ending with `.end`.
    public static func tokenize(_ text: String) throws(QueryError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let t = try lexer.next()
            tokens.append(t)
            if t.kind == .end { return tokens }
        }
    }

    var location: SourceLocation { SourceLocation(line: line, column: column, offset: index) }
    var current: Character? { index < chars.count ? chars[index] : nil }
    func peek(_ k: Int = 1) -> Character? { index + k < chars.count ? chars[index + k] : nil }

    mutating func advance() {
        if chars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    static let closingQuote: [Character: Character] = ["\"": "\"", "'": "'", "“": "”", "「": "」", "『": "』"]
    static let symbolChars: Set<Character> = ["=", "!", "<", ">", "~", "(", ")", ",", ";", ".", "*", "+", "-", "/", "%", "（", "）", "，", "；"]

    mutating func next() throws(QueryError) -> Token {
        skipSpaceAndComments()
        let start = location
        guard let c = current else { return Token(kind: .end, text: "", range: SourceRange(start: start, length: 1)) }
        func token(_ kind: Token.Kind, _ text: String) -> Token {
            Token(kind: kind, text: text, range: SourceRange(start: start, length: index - start.offset),
                  op: kind == .symbol || kind == .identifier ? BinaryOperator(spelling: text) : nil)
        }
        if let close = Self.closingQuote[c] { return try string(closing: close, start: start) }
        if c == "$" {
            advance()
            var name = ""
            while let d = current, d.isASCII, d.isLetter || d.isNumber || d == "_" { name.append(d); advance() }
            guard !name.isEmpty else { throw QueryError("expected a parameter name after $", at: SourceRange(start: start, length: 1)) }
            return token(.parameter, name)
        }
        if c.isASCII && c.isNumber || (c == "." && peek()?.isASCII == true && peek()?.isNumber == true) {
            return number(start: start)
        }
        if c.isASCII && (c.isLetter || c == "_") {
            var text = ""
            while let d = current, d.isASCII, d.isLetter || d.isNumber || d == "_" { text.append(d); advance() }
            return token(.identifier, text)
        }
        if Self.symbolChars.contains(c) {
            advance()
            // Full-width punctuation typed in a Chinese input method means the same as ASCII.
            let ascii: [Character: String] = ["（": "(", "）": ")", "，": ",", "；": ";"]
            if let a = ascii[c] { return token(.symbol, a) }
            let two = String(c) + String(current ?? " ")
            if ["!=", "<>", "<=", ">=", "!~", "=="].contains(two) {
                advance()
                return token(.symbol, two == "==" ? "=" : two == "<>" ? "!=" : two)
            }
            return token(.symbol, String(c))
        }
        if c == "≥" || c == "≤" || c == "≠" {
            advance()
            return token(.symbol, c == "≥" ? ">=" : c == "≤" ? "<=" : "!=")
        }
        if Self.isWordCharacter(c) {
            var text = ""
            while let d = current, Self.isWordCharacter(d) || (d.isASCII && (d.isLetter || d.isNumber)) { text.append(d); advance() }
            return token(.word, text)
        }
        if c == "\u{0}" {
            throw QueryError("NUL byte in the query", at: SourceRange(start: start, length: 1))
        }
        throw QueryError("unexpected character '\(c)'", at: SourceRange(start: start, length: 1))
    }

    /// Characters of a bare word: anything non-ASCII that is not a space, quote or full-width separator.
    static func isWordCharacter(_ c: Character) -> Bool {
        guard !c.isASCII, !c.isWhitespace else { return false }
        return !["“", "”", "「", "」", "『", "』", "（", "）", "，", "；", "≥", "≤", "≠", "　"].contains(c)
    }

    mutating func skipSpaceAndComments() {
        while let c = current {
            if c.isWhitespace { advance(); continue }
            if c == "-", peek() == "-" {
                while let d = current, d != "\n" { advance() }
                continue
            }
            break
        }
    }

    mutating func string(closing: Character, start: SourceLocation) throws(QueryError) -> Token {
        advance()
        var text = ""
        while true {
            guard let c = current else {
                throw QueryError("unterminated string: no closing \(closing)", at: SourceRange(start: start, length: 1))
            }
            if c == closing {
                // A doubled quote stands for one, as in SQL.
                if (closing == "\"" || closing == "'"), peek() == closing { text.append(c); advance(); advance(); continue }
                advance()
                break
            }
            if c == "\\", closing == "\"" || closing == "'", let n = peek(), n == closing || n == "\\" {
                text.append(n); advance(); advance(); continue
            }
            text.append(c)
            advance()
        }
        return Token(kind: .string, text: text, range: SourceRange(start: start, length: index - start.offset))
    }

    mutating func number(start: SourceLocation) -> Token {
        var text = ""
        while let d = current, d.isASCII, d.isNumber { text.append(d); advance() }
        // 2025-01-01 is a date.
        if text.count == 4, current == "-", let a = peek(1), let b = peek(2), a.isASCII && a.isNumber, b.isASCII && b.isNumber,
           peek(3) == "-", let e = peek(4), let f = peek(5), e.isASCII && e.isNumber, f.isASCII && f.isNumber {
            for _ in 0..<6 { text.append(current!); advance() }
            return Token(kind: .date, text: text, range: SourceRange(start: start, length: index - start.offset))
        }
        if current == ".", let d = peek(), d.isASCII, d.isNumber {
            text.append("."); advance()
            while let d = current, d.isASCII, d.isNumber { text.append(d); advance() }
        }
        if let e = current, e == "e" || e == "E", let d = peek(), d.isASCII && d.isNumber || ((d == "-" || d == "+") && peek(2)?.isNumber == true) {
            text.append(e); advance()
            if current == "-" || current == "+" { text.append(current!); advance() }
            while let d = current, d.isASCII, d.isNumber { text.append(d); advance() }
        }
        return Token(kind: .number, text: text, range: SourceRange(start: start, length: index - start.offset))
    }
}
