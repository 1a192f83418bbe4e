import QyxLanguage

/// Cuts the shell's typed input into statements at each `;` the language's Lexer finds, so a
/// `;` inside a string or a `--` comment does not end one.
enum StatementSplitter {
    /// The complete statements (each with its `;`), and the unfinished rest ("" when nothing but
    /// space and comments is left).
    static func split(_ text: String) -> (statements: [String], rest: String) {
        let chars = Array(text)
        var tokens: [Token]
        var openString = false, badCharacter = false
        do {
            tokens = try Lexer.tokenize(text)
        } catch {
            // The tokens before the error still end statements.
            let stop = error.range.start.offset
            tokens = (try? Lexer.tokenize(String(chars[..<stop]))) ?? []
            openString = error.message.hasPrefix("unterminated string")
            badCharacter = !openString
        }
        var statements: [String] = []
        var start = 0
        // Where the statement's first token is: space and comments before it are not kept.
        var first: Int?
        for token in tokens where token.kind != .end {
            guard token.isSymbol(";") else {
                if first == nil { first = token.range.start.offset }
                continue
            }
            let end = token.range.start.offset + 1
            if let first { statements.append(String(chars[first..<end])) }
            start = end
            first = nil
        }
        let pending = first != nil
        let rest = String(chars[start...])
        // Text the Lexer rejects runs (and reports its error) once it ends with `;`; an open
        // string waits for more lines.
        if badCharacter, rest.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(";") { return (statements + [rest], "") }
        return (statements, pending || openString || badCharacter ? rest : "")
    }
}
