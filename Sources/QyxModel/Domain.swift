import Foundation
import QyxText

/// The seven 七优享 domains plus the three table headings that stand beside them.
public struct Domain: Hashable, Sendable {
    public let name: String
    public let alias: String
    /// `domain` for the seven, `category` for 民生实事 / 项目建设 / 重大项目.
    public let kind: String
    /// Words of a reform or project category that unambiguously mean this domain.
    public let categoryWords: [String]

    public static let all: [Domain] = [
        Domain(name: "幼有善育", alias: "childcare", kind: "domain", categoryWords: ["托育"]),
        Domain(name: "学有优教", alias: "education", kind: "domain", categoryWords: ["教育"]),
        Domain(name: "劳有所得", alias: "employment", kind: "domain", categoryWords: ["就业"]),
        Domain(name: "病有良医", alias: "health", kind: "domain", categoryWords: ["医疗", "卫生"]),
        Domain(name: "老有康养", alias: "elderly", kind: "domain", categoryWords: ["养老"]),
        Domain(name: "住有宜居", alias: "housing", kind: "domain", categoryWords: ["住房"]),
        Domain(name: "弱有众扶", alias: "assistance", kind: "domain", categoryWords: ["救助"]),
        Domain(name: "民生实事", alias: "livelihood", kind: "category", categoryWords: []),
        Domain(name: "项目建设", alias: "construction", kind: "category", categoryWords: []),
        Domain(name: "重大项目", alias: "major_projects", kind: "category", categoryWords: []),
    ]

    /// The seven service domains only.
    public static let seven: [Domain] = all.filter { $0.kind == "domain" }

    /// Looks a domain up by its Chinese name or English alias (case-insensitive).
    public static func named(_ word: String) -> Domain? {
        let w = PlainText.trimmingWhitespace(word)
        if PlainText.isPlain(w) {
            // Plain text equals a name when its bytes do; only ASCII lowercases to an ASCII alias.
            let ascii = w.utf8.allSatisfy { $0 < 0x80 }
            return all.first { d in
                d.name.utf8.elementsEqual(w.utf8)
                    || (ascii && d.alias.utf8.elementsEqual(w.utf8, by: { lowercaseASCII($0) == lowercaseASCII($1) }))
            }
        }
        return all.first { $0.name == w || $0.alias.lowercased() == w.lowercased() }
    }

    private static func lowercaseASCII(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }

    /// The first of the seven domains named literally inside `text`.
    public static func mentioned(in text: String) -> Domain? {
        // One pass over the characters for all seven names rather than a search per name: most
        // are ruled out by their first and third bytes (the first alone passes most Han
        // characters, whose lead bytes the seven share).
        var text = text
        // Locals, not the statics: each read of a static in the byte loop checks it is initialized.
        let sevenBytes = Self.sevenBytes, sevenHeads = Self.sevenHeads
        let sevenFirstBytes = Self.sevenFirstBytes, sevenThirdBytes = Self.sevenThirdBytes
        let found = text.withUTF8 { t -> Int in
            var best = sevenBytes.count
            guard t.count >= 3 else { return best }  // every name is longer
            var i = 0
            while i <= t.count - 3 {
                let lead = t[i]
                defer { i += PlainText.scalarLength(lead: lead) }  // the next character
                guard sevenThirdBytes[Int(t[i + 2])] && sevenFirstBytes[Int(lead)] else { continue }
                let head = UInt32(lead) << 16 | UInt32(t[i + 1]) << 8 | UInt32(t[i + 2])
                for k in 0..<best where sevenHeads[k] == head {
                    let name = sevenBytes[k]
                    if i + name.count <= t.count, name.indices.allSatisfy({ t[i + $0] == name[$0] }) {
                        best = k
                        break
                    }
                }
                if best == 0 { break }
            }
            return best
        }
        return found < seven.count ? seven[found] : nil
    }

    private static let sevenBytes: [[UInt8]] = seven.map { Array($0.name.utf8) }
    private static let sevenFirstBytes: [Bool] = (0..<256).map { b in sevenBytes.contains { $0[0] == UInt8(b) } }
    private static let sevenThirdBytes: [Bool] = (0..<256).map { b in sevenBytes.contains { $0[2] == UInt8(b) } }
    /// The first three bytes of each of the seven names.
    private static let sevenHeads: [UInt32] = sevenBytes.map { UInt32($0[0]) << 16 | UInt32($0[1]) << 8 | UInt32($0[2]) }

    /// The domain a category word (教育, 医疗 …) stands for, when it stands for exactly one.
    public static func forCategory(_ category: String) -> Domain? {
        let hits = seven.filter { d in d.categoryWords.contains { category.contains($0) } }
        return hits.count == 1 ? hits[0] : nil
    }
}
