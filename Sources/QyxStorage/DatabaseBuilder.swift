import QyxModel
import QyxAnalysis

extension Database {
    /// One document's rows in columns, with strings of their own. Made on the thread that read
    /// the document, so that a load never holds the whole model, nor the model and the tables.
    public struct Part: @unchecked Sendable {
        /// One table per entity of `Builder.stored`.
        let tables: [Table]
        let strings: [String]
        /// The `TextKey` hash of each of `strings`, made once on the reading thread.
        let hashes: [Int]
        let documents: [PlanDocument]
        let diagnostics: [Diagnostic]

        /// The rows of `corpus` (all but its conflicts, which are found once every part is in).
        public init(_ corpus: consuming Corpus) {
            documents = corpus.documents
            diagnostics = corpus.diagnostics
            // Room for the strings up front: a growing table moves every key it holds.
            let rows = Builder.stored.reduce(0) { $0 + $1.count(in: corpus) }
            var build = TableBuild(strings: StringPool.Builder(capacity: rows))
            var tables: [Table] = []
            for entity in Builder.stored {
                build.name = entity.rawValue
                tables.append(entity.visitRows(in: corpus, &build))
                corpus.removeRows(of: entity)
            }
            self.tables = tables
            strings = build.strings.strings
            hashes = build.strings.hashes
        }
    }

    /// Builds a database from parts appended in order. A part's string ids are mapped to the
    /// database's as it is appended, so the database is the same whichever thread made each part.
    public struct Builder {
        /// The entities read from documents; conflicts and domains are made by `finish`.
        static let stored = EntityKind.allCases.filter { $0 != .conflicts && $0 != .domains }
        /// Conflicts per piece when the conflicts table is built on all cores.
        static let pieceRows = 32_768

        private var strings = StringPool.Builder()
        private let tables: [Table]
        private var documents: [PlanDocument] = []
        private var diagnostics: [Diagnostic] = []
        /// The conflict finder's first pass, made part by part while later parts are being read.
        private var grouping = ConflictFinder.Grouping()
        /// The pool id of `target`, once a part has brought it.
        private var target: Int32?

        public init() {
            tables = Self.stored.map { Table(name: $0.rawValue, fields: $0.fields, capacity: 0) }
        }

        public mutating func append(_ part: Part) {
            let ids = strings.intern(distinct: part.strings, hashes: part.hashes)
            let figures = table(of: .figures), indicators = table(of: .indicators)
            let before = (figures: figures.count, indicators: indicators.count)
            for (table, rows) in zip(tables, part.tables) { table.append(rows, ids: ids) }
            documents += part.documents
            diagnostics += part.diagnostics
            group(figures, rows: before.figures..<figures.count, fromTable: false)
            group(indicators, rows: before.indicators..<indicators.count, fromTable: true)
        }

        private func table(of entity: EntityKind) -> Table { tables[Self.stored.firstIndex(of: entity)!] }

        /// The conflict finder's first pass over rows just appended, so that little of it is
        /// left for `finish`, when one core would do it while the other idles.
        private mutating func group(_ table: Table, rows: Range<Int>, fromTable: Bool) {
            guard !rows.isEmpty else { return }
            if fromTable, target == nil { target = strings.id(of: "target") }
            // Copies of the arrays, let go before the next part is appended (else it would copy them).
            let texts = strings.strings, target = target
            let columns = StatementColumns.Columns(table, subject: fromTable ? "name" : "subject")
            for r in rows {
                grouping.add(StatementColumns.key(columns, r, fromTable: fromTable, target: target), fromTable: fromTable,
                             subject: { texts[Int($0)] })
            }
        }

        /// A problem with a file that gave no part (unreadable, or a duplicate document id).
        public mutating func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

        /// The database: the parts' tables, the domains, and the conflicts found among the
        /// figures and indicators.
        public consuming func finish() -> Database { finish(conflictPieceRows: Self.pieceRows) }

        /// `finish()` with the conflicts table built in pieces of `conflictPieceRows`.
        consuming func finish(conflictPieceRows: Int) -> Database {
            var all = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
            all[EntityKind.domains.rawValue] = Table.build(EntityKind.domains.rawValue, Domain.all.map(DomainRow.init(domain:))[...],
                                                           strings: &strings)
            // The statements share the pool's storage: they are gone before the pool grows again,
            // which would otherwise copy it. The writer holds none of it, so the conflicts' own
            // strings go into the pool while later pieces are still being made.
            let pairs: [ConflictFinder.Pair], writer: ConflictWriter
            do {
                let statements = ColumnStatements(figures: all["figures"]!, indicators: all["indicators"]!, strings: strings)
                pairs = ConflictFinder.pairs(in: statements, grouping: grouping)
                writer = statements.conflictWriter(documents: documents)
            }
            let conflicts = ConflictRows.table(capacity: pairs.count)
            writer.write(pairs, pieceRows: conflictPieceRows) { $0.append(to: conflicts, strings: &strings) }
            all[EntityKind.conflicts.rawValue] = conflicts
            // Each row's document, for document.FIELD.
            let docs = all[EntityKind.documents.rawValue]!
            var docRows: [Int32: Int32] = [:]
            if let id = docs.column("id") { for r in 0..<docs.count { docRows[id.texts[r]] = Int32(r) } }
            for table in all.values {
                guard let doc = table.column("doc") else { continue }
                // A document's rows follow each other: look its id up once for the run.
                var last: (id: Int32, row: Int32) = (-1, -1)
                table.documentRow = doc.texts.map { id in
                    if id != last.id { last = (id, id < 0 ? -1 : docRows[id] ?? -1) }
                    return last.row
                }
            }
            var slim = Corpus()
            slim.documents = documents
            slim.diagnostics = diagnostics
            return Database(pool: strings.finish(), tables: all, corpus: slim)
        }
    }

    /// Builds one entity's table, whatever its row type, into a string pool kept across entities.
    struct TableBuild: EntityRowVisitor {
        var name = ""
        var strings: StringPool.Builder

        mutating func visit<R: EntityRecord>(_ rows: ArraySlice<R>) -> Table {
            Table.build(name, rows, strings: &strings)
        }
    }
}
