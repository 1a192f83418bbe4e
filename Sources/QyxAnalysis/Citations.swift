import QyxModel

/// Turns row provenance into citations a reader can follow: 文号 (or title) and line numbers.
/// Every citation qyx writes is made here: the conflicts' (each place in turn) and the
/// reports' (lines gathered by document).
public struct Citations: Sendable {
    /// Document id → how it is cited.
    let labels: [String: String]

    public init(_ documents: [PlanDocument]) {
        labels = Dictionary(documents.map { ($0.id, $0.citation) }, uniquingKeysWith: { first, _ in first })
    }

    /// How the document `doc` is cited: its label, else its id.
    public func label(_ doc: String) -> String { labels[doc] ?? doc }

    /// Each place in turn, as conflicts cite the statements of one value: `文号 line 12; 文号 line 40`.
    public static func places(_ places: [(label: String, line: Int)]) -> String {
        // Appended piece by piece: half a million citations through interpolation and
        // `joined` cost a visible part of a large load.
        var text = ""
        for (k, place) in places.enumerated() {
            if k > 0 { text += "; " }
            text += place.label
            text += " line "
            text += String(place.line)
        }
        return text
    }

    /// Lines gathered by document, as reports cite the rows of a result:
    /// `嵊政办发〔2024〕10号 line 42` or `… lines 12–15, 20; 洞头区… line 7`.
    public func cite(_ sources: [Provenance], maxLines: Int = 12) -> String {
        var order: [String] = []
        var lines: [String: [Int]] = [:]
        for s in sources {
            if lines[s.doc] == nil { order.append(s.doc) }
            lines[s.doc, default: []].append(s.line)
        }
        return order.map { doc in
            let numbers = Array(Set(lines[doc]!)).sorted()
            let label = label(doc)
            return "\(label) " + (numbers.count == 1 ? "line " : "lines ") + Self.ranges(numbers, max: maxLines)
        }.joined(separator: "; ")
    }

    /// 3,4,5,9 → "3–5, 9", cut after `max` ranges.
    static func ranges(_ numbers: [Int], max: Int) -> String {
        var parts: [String] = []
        var i = 0
        while i < numbers.count {
            var j = i
            while j + 1 < numbers.count, numbers[j + 1] == numbers[j] + 1 { j += 1 }
            parts.append(i == j ? "\(numbers[i])" : "\(numbers[i])–\(numbers[j])")
            i = j + 1
        }
        return parts.count > max ? parts.prefix(max).joined(separator: ", ") + ", …" : parts.joined(separator: ", ")
    }
}
