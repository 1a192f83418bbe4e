import QyxModel
import QyxText

/// Reads figures from every line of prose in a document: outline paragraphs (tasks, goals,
/// project boxes) and the cells of reform and project tables. Indicator tables, pairing tables,
/// the title and the page chrome are not prose.
enum FigureBuilder {
    /// Stops early (the result is then dropped) when `cancellation` asks, checked at every line
    /// and every number: reading figures is where a load spends its time.
    static func build(_ file: SourceFile, prose: [Int], paragraphs: [Paragraph], corpus: Corpus, document: PlanDocument,
                      cancellation: Cancellation) -> [Figure] {
        let extractor = FigureExtractor(documentYear: document.periodEnd, cancellation: cancellation)
        let taskStarting = Dictionary(corpus.tasks.map { ($0.provenance.line, $0) }, uniquingKeysWith: { a, _ in a })
        let reforms = Dictionary(corpus.reforms.map { ($0.provenance.line, $0) }, uniquingKeysWith: { a, _ in a })
        var reformTaskLines: [Int: Reform] = [:]
        for r in corpus.reforms { for t in r.taskLines { reformTaskLines[t.line] = r } }
        let projects = Dictionary(corpus.projects.map { ($0.provenance.line, $0) }, uniquingKeysWith: { a, _ in a })
        let starts = paragraphs.map(\.line)
        var figures: [Figure] = []
        for line in prose {
            if cancellation.stopped() != nil { break }
            let text = file[line: line]
            let found = extractor.extract(text)
            if found.isEmpty { continue }
            var source = "task", task: String?, domain: String?
            if let r = reforms[line] ?? reformTaskLines[line] {
                (source, task) = ("reform", r.name)
            } else if let p = projects[line] {
                (source, task, domain) = ("project", p.name, p.domain)
            } else if let t = taskStarting[paragraphStart(line, starts)] {
                (task, domain) = (t.path, t.domain)
            } else {
                source = "text"
            }
            for f in found {
                figures.append(Figure(provenance: Provenance(doc: document.id, line: line), region: document.region, domain: domain,
                                      source: source, task: task, year: f.year, subject: f.subject, op: f.op, value: f.value,
                                      unit: f.unit, text: f.clause))
            }
        }
        return figures
    }

    /// The first line of the paragraph holding `line`.
    static func paragraphStart(_ line: Int, _ starts: [Int]) -> Int {
        starts.last { $0 <= line } ?? line
    }
}
