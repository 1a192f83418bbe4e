import Foundation
import QyxModel
import QyxText

/// Reads one document into the model. Each layout reader claims the lines it understands
/// (chrome, pipe tables, tab tables, cell-per-line tables); the outline reader takes the rest.
/// Tables are recognized by their header, never by file name.
public enum DocumentReader {
    /// A read stopped by `cancellation` returns early with figures missing; the caller, which
    /// asked for the stop, drops it.
    public static func read(_ file: SourceFile, cancellation: Cancellation = .none) -> Corpus {
        let metadata = MetadataReader(file)
        var claimed = metadata.claimed
        let (pipeFound, navigation) = PipeTableReader.find(in: file, claimed: claimed)
        let pipeTables = pipeFound.map(TableHeader.normalize)
        claimed.formUnion(navigation)
        for t in pipeTables { claimed.formUnion(t.lines) }
        let tabTables = TabTableReader.find(in: file, claimed: claimed).map(TableHeader.normalize)
        for t in tabTables { claimed.formUnion(t.lines) }
        let alignedTables = AlignedTableReader.find(in: file, claimed: claimed).map(TableHeader.normalize)
        for t in alignedTables { claimed.formUnion(t.lines) }
        let cellTables = CellTableReader.find(in: file, claimed: claimed)
        for t in cellTables { claimed.formUnion(t.lines) }
        let titleLine = metadata.titleLine.map { DocumentInfoResolver.titleLine(in: file, notice: $0) ?? $0 }
        let paragraphs = OutlineReader.read(file, claimed: claimed, titleLine: titleLine)

        let document = DocumentInfoResolver.resolve(file: file, metadata: metadata, titleLine: titleLine, paragraphs: paragraphs,
                                                    captions: (pipeTables + tabTables + alignedTables).compactMap(\.caption) + cellTables.compactMap(\.caption),
                                                    yearColumns: pipeTables.flatMap(\.header).compactMap(DocumentLayout.yearColumn))
        var context = TableContext(document: document, file: file)
        var corpus = Corpus()
        corpus.documents = [document]
        if let encoding = file.convertedFrom { context.note(nil, "read as \(encoding) (converted with iconv)") }

        // Lines of prose, where figures are read: what no table or chrome claimed, plus the
        // rows of reform and project tables.
        var prose = LineSet(lineCount: file.lines.count, all: true)
        prose.subtract(claimed)
        prose.subtract(paragraphs.filter { $0.kind == .title || $0.kind == .caption }.map(\.line))
        if let titleLine { prose.remove(titleLine) }
        for table in pipeTables + tabTables + alignedTables {
            let roles = table.header.map(ColumnRole.of)
            if ReformTableBuilder.accepts(roles) {
                corpus.reforms += ReformTableBuilder.build(table, &context)
                prose.formUnion(table.rows.filter { !$0.isCategory }.map(\.line))
            } else if ProjectTableBuilder.accepts(table.header) {
                corpus.projects += ProjectTableBuilder.build(table, &context)
                prose.formUnion(table.rows.filter { !$0.isCategory }.map(\.line))
            } else if IndicatorTableBuilder.accepts(roles) {
                corpus.indicators += IndicatorTableBuilder.build(table, &context)
            } else {
                let rows = table.rows.first.map { " (lines \($0.line)-\(table.rows.last!.line))" } ?? ""
                let unknown = TableHeader.notUnderstood(table.header)
                let what = unknown.isEmpty ? "table with header '\(table.header.joined(separator: " | "))' is not a kind qyx knows"
                    : "table header not understood: \(unknown.joined(separator: ", "))"
                context.warn(table.lines.lowerBound, "\(what); its \(table.rows.count) rows\(rows) are not loaded")
            }
        }
        for table in cellTables {
            let roles = table.header.map(ColumnRole.of)
            if IndicatorTableBuilder.accepts(roles) {
                corpus.indicators += IndicatorTableBuilder.build(table, &context)
            } else if PairingTableBuilder.accepts(table.header) {
                corpus.pairings += PairingTableBuilder.build(table, &context)
            } else {
                context.warn(table.lines.lowerBound, "table with header '\(table.header.joined(separator: " | "))' is not a kind qyx knows; its \(table.body.count) cells are not loaded")
            }
        }
        corpus.tasks = TaskBuilder.build(paragraphs, &context)
        for (i, p) in paragraphs.enumerated() where p.kind == .caption && ProjectColumnReader.isProjectBox(p.text) {
            if i + 1 < paragraphs.count { corpus.projects += ProjectColumnReader.read(paragraphs[i + 1], &context) }
        }
        // Project boxes come first in a document; keep rows in source order.
        corpus.projects.sort { $0.provenance.line < $1.provenance.line }
        corpus.figures = FigureBuilder.build(file, prose: prose.sorted, paragraphs: paragraphs, corpus: corpus, document: document,
                                             cancellation: cancellation)
        if file.truncatedCharacter {
            context.warn(max(1, file.lines.count), "the file ends inside a UTF-8 character (cut short?); the partial character is dropped")
        }
        if file.lines.allSatisfy({ TextCleaning.trim($0).isEmpty }) {
            context.warn(1, "empty file: nothing to load")
        } else if corpus.indicators.isEmpty && corpus.tasks.isEmpty && corpus.reforms.isEmpty && corpus.projects.isEmpty && corpus.pairings.isEmpty {
            context.warn(1, "no table or numbered work item qyx knows was found; nothing but the document itself is loaded")
        }
        corpus.diagnostics = context.diagnostics
        return corpus
    }
}

/// Settles a document's identity from its metadata, title and captions.
enum DocumentInfoResolver {
    static func resolve(file: SourceFile, metadata: MetadataReader, titleLine: Int?, paragraphs: [Paragraph],
                        captions: [String], yearColumns: [Int]) -> PlanDocument {
        var doc = PlanDocument(id: file.id, source: file.fileName)
        let f = metadata.fields
        doc.number = f["number"]
        doc.written = f["written"]
        doc.published = f["published"]
        doc.issuer = f["issuer"] ?? f["signature"]
        doc.title = metadata.title ?? captions.first.map(stripCaption)
        doc.line = titleLine ?? 1
        let body = paragraphs.map(\.text)
        doc.region = ([doc.title].compactMap { $0 } + captions).lazy.compactMap(region(in:)).first
            ?? mostFrequentRegion(in: body)
        doc.kind = kind(title: doc.title, body: body)
        (doc.periodStart, doc.periodEnd) = period(title: doc.title, body: body, yearColumns: yearColumns)
        return doc
    }

    /// The metadata reader falls back on the notice `关于印发《TITLE》的通知` for a title it does
    /// not know as one (`仙居县…（2024—2026年）` starts with no year; `…重大项目表` ends in no
    /// plan kind). The title itself is the first line after the notice that reads TITLE exactly.
    static func titleLine(in file: SourceFile, notice n: Int) -> Int? {
        let text = file[line: n]
        guard TextSearch.contains(text, "关于印发《"), let open = text.range(of: "关于印发《"),
              let close = text.range(of: "》", range: open.upperBound..<text.endIndex) else { return nil }
        let title = TextCleaning.collapse(String(text[open.upperBound..<close.lowerBound]))
        guard !title.isEmpty, n < file.lines.count else { return nil }
        return (n + 1...min(file.lines.count, n + 40)).first { TextCleaning.collapse(file[line: $0]) == title }
    }

    static func stripCaption(_ caption: String) -> String {
        var t = caption
        for prefix in ["表", "专栏"] where t.hasPrefix(prefix) { t = String(t.dropFirst(prefix.count)) }
        return TextCleaning.trim(t)
    }

    /// `2025年嵊泗县公共服务…` → 嵊泗县: the county, district or city just before 公共服务.
    static func region(in text: String) -> String? {
        // The pattern matches scalars: no match without the bytes of 县公共服务, 区基本公共服务 …
        guard regionEnds.contains(where: { TextSearch.contains(text, $0) }) else { return nil }
        return DocumentPatterns.region(in: text)
    }

    static let regionEnds = ["县", "区", "市"].flatMap { [$0 + "公共服务", $0 + "基本公共服务"] }

    /// The region named most often; on a tie, the one named first (a Dictionary's order would
    /// change from run to run).
    static func mostFrequentRegion(in body: [String]) -> String? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for p in body {
            guard let r = region(in: p) else { continue }
            if counts[r] == nil { order.append(r) }
            counts[r, default: 0] += 1
        }
        var best: String?
        for r in order where best == nil || counts[r]! > counts[best!]! { best = r }
        return best
    }

    static func kind(title: String?, body: [String]) -> String? {
        let kinds = MetadataReader.planKinds
        if let title, let k = kinds.first(where: { TextCleaning.contains(title, $0) }) { return k }
        // A list of projects issued on its own: `2024年文成县…重大项目表`.
        if let title, TextCleaning.contains(title, "项目表") { return "项目表" }
        // 特制定本实施方案 names the kind of an untitled plan.
        for p in body {
            let plain = PlainText.isPlain(p)
            for k in kinds where plain ? TextSearch.contains(p, "本" + k) : p.contains("本" + k) { return k }
        }
        return nil
    }

    /// The years a plan covers: a range in its title, a single year in its title, else the range
    /// of a year-column table matched against a (YYYY—YYYY年) stated in the text.
    static func period(title: String?, body: [String], yearColumns: [Int]) -> (Int?, Int?) {
        if let title {
            if let (from, to) = DocumentPatterns.yearRange(in: title) { return (Int(from), Int(to)) }
            if let year = DocumentPatterns.leadingYear(in: title) { return (Int(year), Int(year)) }
        }
        if let last = yearColumns.max() {
            // The pattern matches scalars: no match without the bytes of 年.
            for p in body where TextSearch.contains(p, "年") {
                if let (from, to) = DocumentPatterns.yearRange(in: p), Int(to) == last { return (Int(from), last) }
            }
            return (yearColumns.min(), last)
        }
        return (nil, nil)
    }
}
