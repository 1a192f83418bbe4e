/// Finds where the corpus contradicts itself: the same subject, base unit, region and year
/// given different values in different places (two documents, or a table and a text).
public enum ConflictFinder {
    /// One stated value and where it is.
    struct Statement {
        var key: String
        var subject: String
        var region: String?
        var year: Int
        var unit: String?
        var value: Double
        var written: String
        var place: Provenance
        var fromTable: Bool
    }

    /// Subjects shorter than this (个, 人数) are too vague to hold two places against each other.
    static let minimumSubject = 5

    /// `每万老年人口拥有持证养老护理员数` and `…护理员` are one subject.
    static func key(_ subject: String) -> String {
        var k = Identity.key(subject)
        if k.hasSuffix("数") { k.removeLast() }
        return k
    }

    static func written(_ op: ComparisonOp?, _ value: Double, _ unit: String?) -> String {
        let symbol = op == nil || op == .eq ? "" : op!.rawValue
        return symbol + Value.format(value) + (unit ?? "")
    }

    public static func find(in corpus: Corpus) -> [Conflict] {
        // Names repeat across documents and years: normalize each distinct one once.
        var keys: [String: String] = [:]
        func key(_ subject: String) -> String {
            if let k = keys[subject] { return k }
            let k = Self.key(subject)
            keys[subject] = k
            return k
        }
        // Two passes so that a million indicator rows cost no more than a few small integers
        // each: first find the groups where two values differ, then describe only those.
        struct GroupKey: Hashable { var region: Int, year: Int, key: Int, unit: Int }
        var ids: [String: Int] = [:]
        func id(_ s: String?) -> Int {
            guard let s else { return -1 }
            if let i = ids[s] { return i }
            ids[s] = ids.count
            return ids.count - 1
        }
        func groupKey(_ subject: String, _ region: String?, _ year: Int, _ unit: String?) -> GroupKey? {
            let k = key(subject)
            guard k.count >= minimumSubject else { return nil }
            return GroupKey(region: id(region), year: year, key: id(k), unit: id(unit))
        }
        var firstValue: [GroupKey: Double] = [:]
        var differing = Set<GroupKey>()
        func note(_ g: GroupKey, _ value: Double) {
            if let v = firstValue[g] {
                if abs(v - value) > 1e-9 * max(1, abs(value)) { differing.insert(g) }
            } else {
                firstValue[g] = value
            }
        }
        for f in corpus.figures {
            guard let year = f.year else { continue }
            let base = f.base
            if let g = groupKey(f.subject, f.region, year, base.unit) { note(g, base.value) }
        }
        for i in corpus.indicators where i.kind == "target" {
            guard let value = i.base.value, let g = groupKey(i.name, i.region, i.year, i.base.unit) else { continue }
            note(g, value)
        }
        firstValue = [:]
        var groups: [GroupKey: [Statement]] = [:]
        var order: [GroupKey] = []
        func add(_ g: GroupKey, _ s: Statement) {
            if groups[g] == nil { order.append(g) }
            groups[g, default: []].append(s)
        }
        for f in corpus.figures {
            guard let year = f.year else { continue }
            let base = f.base
            guard let g = groupKey(f.subject, f.region, year, base.unit), differing.contains(g) else { continue }
            add(g, Statement(key: key(f.subject), subject: f.subject, region: f.region, year: year, unit: base.unit,
                             value: base.value, written: f.stated, place: f.provenance, fromTable: false))
        }
        for i in corpus.indicators where i.kind == "target" {
            guard let value = i.base.value, let g = groupKey(i.name, i.region, i.year, i.base.unit), differing.contains(g) else { continue }
            add(g, Statement(key: key(i.name), subject: i.name, region: i.region, year: i.year, unit: i.base.unit,
                             value: value, written: written(i.op, i.value ?? value, i.unit), place: i.provenance, fromTable: true))
        }
        let labels = Dictionary(corpus.documents.map { ($0.id, $0.number ?? $0.title ?? $0.id) }, uniquingKeysWith: { a, _ in a })
        func cite(_ group: [Statement]) -> String {
            group.map { "\(labels[$0.place.doc] ?? $0.place.doc) line \($0.place.line)" }.joined(separator: "; ")
        }
        var conflicts: [Conflict] = []
        for g in order {
            let group = groups[g]!
            // Values that differ by rounding noise only are the same value.
            var byValue: [(Double, [Statement])] = []
            for s in group {
                if let i = byValue.firstIndex(where: { abs($0.0 - s.value) <= 1e-9 * max(1, abs(s.value)) }) {
                    byValue[i].1.append(s)
                } else {
                    byValue.append((s.value, [s]))
                }
            }
            guard byValue.count >= 2 else { continue }
            let first = byValue[0].1
            for (_, other) in byValue.dropFirst() {
                // Two values in one document's text are usually two things (a total and its
                // parts); a contradiction is across documents, or between a table and a text.
                let docsA = Set(first.map(\.place.doc)), docsB = Set(other.map(\.place.doc))
                let tableVsText = first.contains(where: \.fromTable) != other.contains(where: \.fromTable)
                guard docsA != docsB || docsA.count > 1 || tableVsText else { continue }
                let a = first[0], b = other[0]
                let kind = a.fromTable && b.fromTable ? "table vs table" : a.fromTable || b.fromTable ? "table vs text" : "text vs text"
                conflicts.append(Conflict(provenance: a.place, region: a.region, year: a.year, subject: a.subject, unit: a.unit,
                                          valueA: a.written, citedA: cite(first), valueB: b.written, citedB: cite(other),
                                          other: b.place, kind: kind))
            }
        }
        return conflicts
    }
}
