/// Document text is never trusted: everything taken from documents or results is escaped for
/// the format it lands in.
enum Escape {
    static func html(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            if let entity = entity(c) { out += entity } else { out.append(c) }
        }
        return out
    }

    /// The entity for a character HTML gives meaning to, in text or in an attribute.
    static func entity(_ c: Character) -> String? {
        switch c {
        case "&": return "&amp;"
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "\"": return "&quot;"
        case "'": return "&#39;"
        default: return nil
        }
    }

    /// Inline Markdown: markup characters lose their meaning, and raw HTML cannot get through.
    static func markdown(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "|", "#": out += "\\" + String(c)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// Text that goes through the Markdown converter into HTML: every ASCII punctuation mark is
    /// backslash-escaped (the converter drops the backslash and keeps the mark as text), and the
    /// marks HTML gives meaning to become entities. So `[x](javascript:…)`, `![](http://…)`,
    /// `*`, `#` and `<script>` from a document all arrive as the characters they are.
    static func markdownForHTML(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            if let entity = entity(c) {
                out += entity
            } else if c == "\\" {
                // An escaped backslash would vanish in the converter; as an entity it survives.
                out += "&#92;"
            } else if let a = c.asciiValue, a > 0x20, a < 0x7F, !c.isLetter, !c.isNumber {
                out += "\\" + String(c)
            } else {
                out.append(c)
            }
        }
        return out
    }
}
