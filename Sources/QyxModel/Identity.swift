import Foundation

/// The identity of an indicator or subject across years, documents and regions: names match
/// when they differ only in spacing, full/half-width forms, dashes or quotation marks
/// (每千名 3 岁以下 = 每千名3岁以下, 0-3岁 = 0—3岁).
public enum Identity {
    public static func key(_ name: String) -> String {
        let folded = name.precomposedStringWithCompatibilityMapping  // NFKC: （）→(), ％→%, full-width digits
        var out = ""
        out.reserveCapacity(folded.count)
        for c in folded {
            if c.isWhitespace { continue }
            switch c {
            case "—", "–", "―", "－", "‐", "‑", "~", "～": out.append("-")
            case "“", "”", "\"", "「", "」", "『", "』", "‘", "’", "'": continue
            case "〈", "《": out.append("<")
            case "〉", "》": out.append(">")
            default: out.append(c)
            }
        }
        return out
    }
}
