/// Finds where the corpus contradicts itself: the same subject, base unit, region and year
/// given different values in different places (two documents, or a table and a text).
public enum ConflictFinder {
    /// One stated value and where it is.
    struct Statement {
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

    /// Values that differ by rounding noise only are the same value.
    static func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

    /// Every dated figure and every table target, as a statement built only when asked for.
    static func forEachStatement(in corpus: Corpus, _ body: (_ subject: String, _ region: String?, _ year: Int, _ unit: String?,
                                                             _ value: Double, _ statement: () -> Statement) -> Void) {
        for f in corpus.figures {
            guard let year = f.year else { continue }
            let base = f.base
            body(f.subject, f.region, year, base.unit, base.value) {
                Statement(subject: f.subject, region: f.region, year: year, unit: base.unit, value: base.value,
                          written: f.stated, place: f.provenance, fromTable: false)
            }
        }
        for i in corpus.indicators where i.kind == "target" {
            guard let value = i.base.value else { continue }
            body(i.name, i.region, i.year, i.base.unit, value) {
                Statement(subject: i.name, region: i.region, year: i.year, unit: i.base.unit, value: value,
                          written: ComparisonOp.stated(i.op, i.value ?? value, i.unit), place: i.provenance, fromTable: true)
            }
        }
    }

    public static func find(in corpus: Corpus) -> [Conflict] {
        // Two passes so that a million indicator rows cost no more than a few small integers
        // each: first give every statement its group and find the groups where two values
        // differ, then describe only those.
        struct GroupKey: Hashable { var region: Int32, year: Int32, key: Int32, unit: Int32 }
        var ids: [TextKey: Int32] = [:]
        func id(_ s: String) -> Int32 {
            let k = TextKey(s)
            if let i = ids[k] { return i }
            ids[k] = Int32(ids.count)
            return Int32(ids.count - 1)
        }
        /// Rows of one document repeat their region and unit: compare with the last one seen
        /// before hashing again.
        struct Recent { var text: String?; var id: Int32 = -1 }
        var lastRegion = Recent(), lastUnit = Recent()
        func id(_ s: String?, _ recent: inout Recent) -> Int32 {
            guard let s else { return -1 }
            if let t = recent.text, TextKey.sameBytes(t, s) { return recent.id }
            recent = Recent(text: s, id: id(s))
            return recent.id
        }
        // Names repeat across documents and years: normalize each distinct one once.
        var keys: [TextKey: Int32] = [:]
        var groupIDs: [GroupKey: Int32] = [:]
        var firstValue: [Double] = []
        var differing: [Bool] = []
        var statementGroup: [Int32] = []  // -1: subject too vague to compare
        forEachStatement(in: corpus) { subject, region, year, unit, value, _ in
            let subjectKey = TextKey(subject)
            let keyID: Int32
            if let known = keys[subjectKey] {
                keyID = known
            } else {
                let k = key(subject)
                keyID = k.count >= minimumSubject ? id(k) : -1
                keys[subjectKey] = keyID
            }
            guard keyID >= 0 else { return statementGroup.append(-1) }
            let g = GroupKey(region: id(region, &lastRegion), year: Int32(clamping: year), key: keyID, unit: id(unit, &lastUnit))
            if let known = groupIDs[g] {
                statementGroup.append(known)
                if !same(firstValue[Int(known)], value) { differing[Int(known)] = true }
            } else {
                let new = Int32(firstValue.count)
                groupIDs[g] = new
                statementGroup.append(new)
                firstValue.append(value)
                differing.append(false)
            }
        }
        groupIDs = [:]
        keys = [:]
        firstValue = []
        var groups: [Int32: [Statement]] = [:]
        var order: [Int32] = []
        var k = 0
        forEachStatement(in: corpus) { _, _, _, _, _, statement in
            let g = statementGroup[k]
            k += 1
            guard g >= 0, differing[Int(g)] else { return }
            if groups[g] == nil { order.append(g) }
            groups[g, default: []].append(statement())
        }
        let labels = Dictionary(corpus.documents.map { ($0.id, $0.citation) }, uniquingKeysWith: { a, _ in a })
        func cite(_ group: [Statement]) -> String {
            group.map { "\(labels[$0.place.doc] ?? $0.place.doc) line \($0.place.line)" }.joined(separator: "; ")
        }
        var conflicts: [Conflict] = []
        for g in order {
            var byValue: [(Double, [Statement])] = []
            for s in groups[g]! {
                if let i = byValue.firstIndex(where: { same($0.0, s.value) }) {
                    byValue[i].1.append(s)
                } else {
                    byValue.append((s.value, [s]))
                }
            }
            guard byValue.count >= 2 else { continue }
            let first = byValue[0].1
            // The first value's side is the same against every other value: work it out once
            // (and its citation once, shared by all its conflicts).
            let docsA = Set(first.map(\.place.doc)), tableA = first.contains(where: \.fromTable)
            var citedA: String?
            for (_, other) in byValue.dropFirst() {
                // Two values in one document's text are usually two things (a total and its
                // parts); a contradiction is across documents, or between a table and a text.
                let docsB = Set(other.map(\.place.doc))
                let tableVsText = tableA != other.contains(where: \.fromTable)
                guard docsA != docsB || docsA.count > 1 || tableVsText else { continue }
                let a = first[0], b = other[0]
                let kind = a.fromTable && b.fromTable ? "table vs table" : a.fromTable || b.fromTable ? "table vs text" : "text vs text"
                if citedA == nil { citedA = cite(first) }
                conflicts.append(Conflict(provenance: a.place, region: a.region, year: a.year, subject: a.subject, unit: a.unit,
                                          valueA: a.written, citedA: citedA!, valueB: b.written, citedB: cite(other),
                                          other: b.place, kind: kind))
            }
        }
        return conflicts
    }
}
