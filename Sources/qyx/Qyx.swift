import ArgumentParser
import Foundation
import QyxModel
import QyxReaders
import QyxRendering

/// Options every command shares: which documents to load.
struct CorpusOptions: ParsableArguments {
    @Option(name: .customLong("docs"), help: ArgumentHelp("Add documents from a file or folder (repeatable).", valueName: "path"))
    var docs: [String] = []

    @Flag(name: .customLong("no-builtin"), help: "Leave the five built-in documents out.")
    var noBuiltin = false

    @Flag(name: .customLong("quiet"), help: "Do not print document warnings.")
    var quiet = false

    /// Loads the corpus and reports what could not be read on standard error.
    func load() -> Corpus {
        let corpus = CorpusLoader.load(builtin: !noBuiltin, paths: docs)
        for d in corpus.diagnostics where !quiet || d.severity == .error {
            FileHandle.standardError.write(Data((d.description + "\n").utf8))
        }
        return corpus
    }
}

@main
struct Qyx: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qyx",
        abstract: "Query the Zhejiang 七优享 county plans: indicators, tasks, projects, reforms, pairings.",
        subcommands: [Export.self]
    )

    @OptionGroup var corpusOptions: CorpusOptions

    func run() throws {
        let corpus = corpusOptions.load()
        // Until the query language lands, standard input takes `export ENTITY [csv|jsonl]` lines.
        while let line = readLine() {
            let words = line.split(separator: " ").map(String.init)
            guard words.first == "export", words.count >= 2, let entity = EntityKind(rawValue: words[1]) else {
                if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    FileHandle.standardError.write(Data("qyx: unknown statement: \(line)\n".utf8))
                }
                continue
            }
            let format = words.count > 2 ? EntityExporter.Format(rawValue: words[2]) ?? .jsonl : .jsonl
            EntityExporter.export(entity, from: corpus, as: format) { print($0, terminator: "") }
        }
    }
}

extension EntityKind: ExpressibleByArgument {}
extension EntityExporter.Format: ExpressibleByArgument {}

/// `qyx export ENTITY --format csv|jsonl`: one whole entity for other tools.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write one entity as CSV or JSON Lines.")

    @Argument(help: "documents, indicators, tasks, projects, reforms, pairings or domains")
    var entity: EntityKind

    @Option(help: "csv or jsonl")
    var format: EntityExporter.Format = .jsonl

    @OptionGroup var corpusOptions: CorpusOptions

    func run() throws {
        let corpus = corpusOptions.load()
        var out = ""
        EntityExporter.export(entity, from: corpus, as: format) { out += $0 }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
