import QyxModel

/// Turns row provenance into citations a reader can follow: 文号 (or title) and line numbers.
struct Citations {
    /// Document id → how it is cited.
    let labels: [String: String]

    init(_ corpus: Corpus) {
        var labels: [String: String] = [:]
        for d in corpus.documents { labels[d.id] = d.citation }
        self.labels = labels
    }

    /// `嵊政办发〔2024〕10号 line 42` or `… lines 12–15, 20; 洞头区… line 7`.
    func cite(_ sources: [Provenance], maxLines: Int = 12) -> String {
        var order: [String] = []
        var lines: [String: [Int]] = [:]
        for s in sources {
            if lines[s.doc] == nil { order.append(s.doc) }
            lines[s.doc, default: []].append(s.line)
        }
        return order.map { doc in
            let numbers = Array(Set(lines[doc]!)).sorted()
            let label = labels[doc] ?? doc
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
