import Foundation
import QyxModel
@testable import QyxReaders
import QyxOutput
import Testing

/// The plain-text documents of the development corpus (`Tests/Corpus/docs`, other counties'
/// plans in other layouts and line endings) load to exactly the rows of `expected/NAME.jsonl`,
/// field by field for the fields the JSONL gives. The HTML, .docx and .xlsx documents have no
/// decoder yet and are not tested here.
@Suite struct DevelopmentCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus")

    static let plainTextDocuments: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent("docs").path)) ?? []
        return names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
    }()

    /// The corpus names a document's kind by what it is; the model keeps the title's word.
    static let kinds: [String: String] = ["工作要点": "work-points", "实施方案": "plan", "行动方案": "plan", "计划": "plan", "项目表": "project-list"]

    /// A row as field → JSON text, from the JSON the exporter writes.
    static func fields(_ json: String) throws -> [String: String] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var out: [String: String] = [:]
        for (k, v) in object {
            let data = try JSONSerialization.data(withJSONObject: v, options: [.fragmentsAllowed, .sortedKeys])
            out[k] = String(decoding: data, as: UTF8.self)
        }
        return out
    }

    static func json(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]), as: UTF8.self)
    }

    /// The rows the reader gives for `entity`, in the expected rows' vocabulary: an indicator's
    /// 牵头单位 text as its list of units, the document's kind as the corpus names it, 发布时间 as
    /// its date. The model keeps a （一） heading as a task of its own (path `二.(一)`); the corpus
    /// counts only the numbered items, whose path ends in their number.
    static func actualRows(_ entity: EntityKind, _ corpus: Corpus) throws -> [[String: String]] {
        let names = entity.fields.map(\.name)
        return try entity.rows(in: corpus).enumerated().compactMap { i, values in
            if entity == .tasks, corpus.tasks[i].path.split(separator: ".").last?.allSatisfy(\.isNumber) != true { return nil }
            var row = try fields(JSONWriter.object(names: names, values: values))
            if entity == .indicators {
                let lead = corpus.indicators[i].lead.map { TextCleaning.list($0) } ?? []
                row["lead"] = try json(lead)
            }
            if entity == .documents {
                row["kind"] = try json(corpus.documents[i].kind.flatMap { kinds[$0] } as Any? ?? NSNull())
                row["published"] = try json(corpus.documents[i].published.map { String($0.prefix(10)) } as Any? ?? NSNull())
            }
            return row
        }
    }

    /// `entity` says which entity a corpus row is for; every other key is a field compared.
    static let notCompared: Set<String> = ["entity"]

    @Test(arguments: plainTextDocuments)
    func loadsExactlyTheExpectedRows(_ name: String) throws {
        let id = (name as NSString).deletingPathExtension
        let file = try SourceFile.read(Self.corpus.appendingPathComponent("docs/\(name)"))
        let corpus = DocumentReader.read(file)
        #expect(corpus.diagnostics.map(\.description) == [], "\(name) diagnostics")
        let expectedLines = try String(contentsOf: Self.corpus.appendingPathComponent("expected/\(id).jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let expected = try expectedLines.map(Self.fields)
        for entity in [EntityKind.documents, .indicators, .tasks, .projects] {
            let want = expected.filter { $0["entity"] == "\"\(entity.rawValue)\"" }
            let got = try Self.actualRows(entity, corpus)
            #expect(got.count == want.count, "\(name) \(entity.rawValue): \(got.count) rows, expected \(want.count)")
            for (i, (g, w)) in zip(got, want).enumerated() {
                for key in w.keys.sorted() where !Self.notCompared.contains(key) && g[key] != w[key] {
                    Issue.record("\(name) \(entity.rawValue) row \(i + 1) field \(key): got \(g[key] ?? "missing"), expected \(w[key]!)")
                }
            }
        }
    }

    /// The built-in documents with CRLF or CR line endings load to the same rows, in every
    /// entity, with the same line numbers, as with LF.
    @Test(arguments: ["\r\n", "\r"])
    func builtinDocumentsLoadAlikeWithOtherLineEndings(_ ending: String) throws {
        for url in CorpusLoader.builtinFiles {
            let text = try String(contentsOf: url, encoding: .utf8)
            let id = url.deletingPathExtension().lastPathComponent
            let lf = DocumentReader.read(try SourceFile.decode(Data(text.utf8), path: url.lastPathComponent, id: id))
            let converted = text.replacingOccurrences(of: "\n", with: ending)
            let other = DocumentReader.read(try SourceFile.decode(Data(converted.utf8), path: url.lastPathComponent, id: id))
            for entity in EntityKind.allCases {
                #expect(entity.rows(in: other) == entity.rows(in: lf), "\(id) \(entity.rawValue) with \(ending.debugDescription)")
            }
            #expect(other.diagnostics == lf.diagnostics, "\(id) diagnostics")
        }
    }
}
