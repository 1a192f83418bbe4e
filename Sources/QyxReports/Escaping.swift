/// Document text is never trusted: everything taken from documents or results is escaped for
/// the format it lands in.
enum Escape {
    static func html(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
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
}
