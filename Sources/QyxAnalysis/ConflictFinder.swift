import QyxModel
import QyxText

/// Finds where the corpus contradicts itself: the same subject, base unit, region and year
/// given different values in different places (two documents, or a table and a text).
public enum ConflictFinder {
    /// What groups a statement: its texts as ids of the source (-1 for none).
    public struct Key: Sendable {
        public var subject: Int32
        public var region: Int32
        public var year: Int
        /// Base unit.
        public var unit: Int32
        /// Value in the base unit.
        public var value: Double
        /// The document, as an id of the source.
        public var doc: Int32
        /// From a target table (else from a text).
        public var fromTable: Bool

        public init(subject: Int32, region: Int32, year: Int, unit: Int32, value: Double, doc: Int32, fromTable: Bool) {
            self.subject = subject
            self.region = region
            self.year = year
            self.unit = unit
            self.value = value
            self.doc = doc
            self.fromTable = fromTable
        }
    }

    /// One conflict, as statements of the source: every statement of the first value and of
    /// the other value, the first of each being the one shown. Conflicts of one group share
    /// their `first`.
    public struct Pair: Sendable {
        public let first: [Int]
        public let other: [Int]
        /// table vs table, table vs text, or text vs text.
        public let kind: String
    }

    /// A table target's value as written, whether read from the model or from columns: its
    /// operator, its number (a composite target has none: its value in the base unit) and its
    /// unit as written. A figure's is its `stated` text.
    public static func written(op: ComparisonOp?, value: Double?, baseValue: Double, unit: String?) -> String {
        ComparisonOp.stated(op, value ?? baseValue, unit)
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

    /// The conflicts among the dated figures and table targets of a model.
    public static func find(in corpus: Corpus) -> [Conflict] {
        let source = CorpusStatements(corpus)
        let citations = Citations(corpus.documents)
        func cite(_ statements: [Int]) -> String {
            Citations.places(statements.map { source.place($0) }.map { (citations.label($0.doc), $0.line) })
        }
        var citedA: (first: Int, text: String)?
        return pairs(in: source).map { pair in
            let a = pair.first[0], b = pair.other[0], place = source.place(a), subject = source.subject(a)
            // Conflicts of one group follow each other and share the first value's citation.
            if citedA?.first != a { citedA = (a, cite(pair.first)) }
            return Conflict(provenance: place, region: subject.region, year: subject.year, subject: subject.name,
                            unit: subject.unit, valueA: source.written(a), citedA: citedA!.text, valueB: source.written(b),
                            citedB: cite(pair.other), other: source.place(b), kind: pair.kind)
        }
    }

    /// The conflicts among `source`'s statements, as statements of the source.
    ///
    /// Two passes so that a million statements cost no more than a few small integers each:
    /// first give every statement its group and find the groups where two values differ, then
    /// describe only those.
    public static func pairs<Source: StatementSource>(in source: Source) -> [Pair] {
        var grouping = Grouping()
        for i in 0..<source.count { grouping.add(source.key(i), fromTable: i >= source.figureCount, subject: source.text) }
        return pairs(in: source, grouping: grouping)
    }

    /// The conflicts among `source`'s statements, whose first pass `grouping` has made (as they
    /// were loaded, perhaps: it takes them in any order, figures and table targets apart).
    public static func pairs<Source: StatementSource>(in source: Source, grouping: consuming Grouping) -> [Pair] {
        var statementGroup = grouping.statementGroups
        assert(statementGroup.count == source.count, "grouped \(statementGroup.count) of \(source.count) statements")
        let differing = grouping.differing
        grouping = Grouping()
        // The members of each group with two values, groups in the order of their first
        // statement: counted, then placed, in flat arrays.
        var slot = [Int32](repeating: -1, count: differing.count)
        var sizes: [Int] = []
        for g in statementGroup where g >= 0 && differing[Int(g)] {
            if slot[Int(g)] < 0 {
                slot[Int(g)] = Int32(sizes.count)
                sizes.append(0)
            }
            sizes[Int(slot[Int(g)])] += 1
        }
        var starts = [Int](repeating: 0, count: sizes.count + 1)
        for (k, n) in sizes.enumerated() { starts[k + 1] = starts[k] + n }
        var members = [Int](repeating: 0, count: starts.last!)
        var filled = starts
        for (i, g) in statementGroup.enumerated() where g >= 0 && slot[Int(g)] >= 0 {
            let k = Int(slot[Int(g)])
            members[filled[k]] = i
            filled[k] += 1
        }
        statementGroup = []
        // Groups are described on all cores, a run of them at a time, and joined in order.
        let run = 4096
        return Parallel.map((sizes.count + run - 1) / run) { r in
            var pairs: [Pair] = []
            for k in r * run..<min(sizes.count, (r + 1) * run) {
                describe(members[starts[k]..<starts[k + 1]].map { ($0, source.key($0)!) }, into: &pairs)
            }
            return pairs
        }.flatMap { $0 }
    }

    /// The conflicts of one group of statements about the same thing: each value against the first.
    static func describe(_ group: [(index: Int, key: Key)], into pairs: inout [Pair]) {
        var byValue: [(value: Double, members: [(index: Int, key: Key)])] = []
        for s in group {
            if let i = byValue.firstIndex(where: { same($0.value, s.key.value) }) {
                byValue[i].members.append(s)
            } else {
                byValue.append((s.key.value, [s]))
            }
        }
        guard byValue.count >= 2 else { return }
        let first = byValue[0].members
        // The first value's side is the same against every other value: work it out once.
        let docsA = Set(first.map(\.key.doc)), tableA = first.contains(where: \.key.fromTable)
        let firstIndices = first.map(\.index)
        for (_, other) in byValue.dropFirst() {
            // Two values in one document's text are usually two things (a total and its
            // parts); a contradiction is across documents, or between a table and a text.
            let docsB = Set(other.map(\.key.doc))
            let tableVsText = tableA != other.contains(where: \.key.fromTable)
            guard docsA != docsB || docsA.count > 1 || tableVsText else { continue }
            let a = first[0].key.fromTable, b = other[0].key.fromTable
            pairs.append(Pair(first: firstIndices, other: other.map(\.index),
                              kind: a && b ? "table vs table" : a || b ? "table vs text" : "text vs text"))
        }
    }
}

/// The statements conflicts are looked for in: dated figures first, then table targets.
public protocol StatementSource {
    /// Statements and non-statements (an undated figure, a baseline row) alike.
    var count: Int { get }
    /// How many of them are figures (they come first).
    var figureCount: Int { get }
    /// The grouping key of the `i`th, or nil when it states no dated value.
    func key(_ i: Int) -> ConflictFinder.Key?
    /// The text of an id in a key: ids are equal exactly when their texts are canonically equal.
    func text(_ id: Int32) -> String
}

/// The statements of a model, its texts given ids as they are met.
struct CorpusStatements: StatementSource {
    let corpus: Corpus
    private var keys: [ConflictFinder.Key?] = []
    private var texts: [String] = []

    init(_ corpus: Corpus) {
        self.corpus = corpus
        var ids: [TextKey: Int32] = [:]
        var texts: [String] = []
        func id(_ s: String?) -> Int32 {
            guard let s else { return -1 }
            let k = TextKey(s)
            if let i = ids[k] { return i }
            ids[k] = Int32(texts.count)
            texts.append(s)
            return Int32(texts.count - 1)
        }
        keys.reserveCapacity(corpus.figures.count + corpus.indicators.count)
        for f in corpus.figures {
            let base = f.base
            keys.append(f.year.map { ConflictFinder.Key(subject: id(f.subject), region: id(f.region), year: $0, unit: id(base.unit),
                                                        value: base.value, doc: id(f.provenance.doc), fromTable: false) })
        }
        for i in corpus.indicators {
            let base = i.base
            guard i.kind == "target", let value = base.value else { keys.append(nil); continue }
            keys.append(ConflictFinder.Key(subject: id(i.name), region: id(i.region), year: i.year, unit: id(base.unit),
                                           value: value, doc: id(i.provenance.doc), fromTable: true))
        }
        self.texts = texts
    }

    var count: Int { keys.count }
    var figureCount: Int { corpus.figures.count }
    func key(_ i: Int) -> ConflictFinder.Key? { keys[i] }
    func text(_ id: Int32) -> String { texts[Int(id)] }

    /// Where the `i`th statement is.
    func place(_ i: Int) -> Provenance {
        i < corpus.figures.count ? corpus.figures[i].provenance : corpus.indicators[i - corpus.figures.count].provenance
    }

    /// What the `i`th statement is about: subject as written, region, year and base unit.
    func subject(_ i: Int) -> (name: String, region: String?, year: Int, unit: String?) {
        if i < corpus.figures.count {
            let f = corpus.figures[i]
            return (f.subject, f.region, f.year!, f.base.unit)
        }
        let row = corpus.indicators[i - corpus.figures.count]
        return (row.name, row.region, row.year, row.base.unit)
    }

    /// The `i`th statement's value as written: operator, number and unit.
    func written(_ i: Int) -> String {
        if i < corpus.figures.count { return corpus.figures[i].stated }
        let row = corpus.indicators[i - corpus.figures.count], base = row.base
        return ConflictFinder.written(op: row.op, value: row.value, baseValue: base.value!, unit: row.unit ?? row.reading.cellUnit)
    }
}
