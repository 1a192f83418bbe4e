extension Lexer {
    /// The `$name` parameters that `text` uses, as the lexer reads them (so a `$` inside a string
    /// is not one). Text that stops lexing gives the names before the error: the caller only
    /// asks whether a given `--param` is used at all, and the statements report the error.
    public static func parameterNames(in text: String) -> Set<String> {
        var lexer = Lexer(text)
        var names = Set<String>()
        while let token = try? lexer.next(), token.kind != .end {
            if token.kind == .parameter { names.insert(token.text) }
        }
        return names
    }
}
