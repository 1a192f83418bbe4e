import CWidth
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Terminal column widths of text, from the C library's wcwidth: a Chinese character takes two
/// columns, a combining mark none. wcwidth only knows wide characters under a UTF-8 locale, so
/// one is chosen (C.UTF-8) when the environment sets none.
public enum DisplayWidth {
    /// Makes the C library's character functions UTF-8 aware; a no-op when the locale already is.
    public static func prepareLocale() {
        _ = prepared
    }

    private static let prepared: Bool = {
        if let current = setlocale(LC_CTYPE, ""), String(cString: current).uppercased().contains("UTF-8") || String(cString: current).uppercased().contains("UTF8") {
            return true
        }
        return setlocale(LC_CTYPE, "C.UTF-8") != nil
    }()

    public static func of(_ s: String) -> Int {
        prepareLocale()
        var width = 0
        for scalar in s.unicodeScalars {
            let w = qyx_wcwidth(wchar_t(bitPattern: scalar.value))
            width += w < 0 ? (scalar.value < 0x20 || scalar.value == 0x7F ? 0 : 1) : Int(w)
        }
        return width
    }

    /// The longest prefix of `s` that fits in `columns`, with `…` when something was cut.
    public static func truncate(_ s: String, to columns: Int) -> String {
        if of(s) <= columns { return s }
        guard columns >= 1 else { return "" }
        var out = ""
        var width = 0
        for c in s {
            let w = of(String(c))
            if width + w > columns - 1 { break }
            out.append(c)
            width += w
        }
        return out + "…"
    }

    public static func pad(_ s: String, to columns: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, columns - of(s)))
        return right ? fill + s : s + fill
    }
}
