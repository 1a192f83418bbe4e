import ArgumentParser
import Foundation
import QyxLanguage
import QyxModel
import QyxReaders
import QyxRendering

@main
struct Qyx: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qyx",
        abstract: "Query the Zhejiang 七优享 county plans: indicators, tasks, projects, reforms, pairings.",
        discussion: """
        With -c or -f, runs those statements; with standard input that is not a terminal, runs the \
        statements read from it; on a terminal, opens the interactive shell.

          qyx -c "select indicators where domain = 老有康养 and year = 2025"
          echo "compare indicators by year where region = 洞头区 and name contains 托位" | qyx
        """,
        subcommands: [Run.self, Export.self],
        defaultSubcommand: Run.self
    )
}

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
            Terminal.error(d.description)
        }
        return corpus
    }
}

/// The default command: statements from -c, -f, a pipe, or the interactive shell.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run statements (the default command).")

    @Option(name: .short, help: ArgumentHelp("Run these statements and exit.", valueName: "statements"))
    var command: String?

    @Option(name: .short, help: ArgumentHelp("Run the statements in this file and exit.", valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp("table, csv, tsv, json, jsonl or markdown.", valueName: "format"))
    var format: OutputFormat?

    @Option(name: .customLong("param"), help: ArgumentHelp("Bind $name in statements (repeatable).", valueName: "name=value"))
    var params: [String] = []

    @OptionGroup var corpusOptions: CorpusOptions

    func validate() throws {
        for p in params where !p.contains("=") {
            throw ValidationError("--param needs name=value, got '\(p)'")
        }
    }

    func run() throws {
        DisplayWidth.prepareLocale()
        let parameters = Dictionary(params.map { p -> (String, Value) in
            let (name, value) = (String(p.prefix { $0 != "=" }), String(p.drop { $0 != "=" }.dropFirst()))
            return (name.hasPrefix("$") ? String(name.dropFirst()) : name, Engine.parameterValue(value))
        }, uniquingKeysWith: { $1 })
        let source: (text: String, name: String)?
        if let command {
            source = (command, "<command>")
        } else if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                Terminal.error("qyx: cannot read \(file)")
                throw ExitCode(2)
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                Terminal.error("\(file): error: not UTF-8 text")
                throw ExitCode(1)
            }
            source = (text, file)
        } else if !Terminal.isInteractive(FileHandle.standardInput.fileDescriptor) {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let text = String(validating: data, as: UTF8.self) else {
                let offset = data.firstIndex { _ in false }
                _ = offset
                Terminal.error("<stdin>: error: standard input is not UTF-8 text")
                throw ExitCode(1)
            }
            source = (text, "<stdin>")
        } else {
            source = nil
        }
        let engine = Engine(database: Database(corpusOptions.load()), parameters: parameters)
        guard let source else {
            let shell = Shell(engine: engine, format: format ?? .table)
            let status = shell.run()
            if status != 0 { throw ExitCode(status) }
            return
        }
        let batch = BatchRunner(engine: engine, format: format ?? .table)
        if !batch.run(source.text, name: source.name) { throw ExitCode(1) }
    }
}

extension OutputFormat: ExpressibleByArgument {}
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
        Terminal.write(out)
    }
}
