import ArgumentParser
import Foundation
import QyxLanguage
import QyxModel
import QyxReaders
import QyxOutput
import QyxText
import QyxStorage

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
        subcommands: [Run.self, Export.self, Render.self],
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

    /// The `--docs` files by identity, so that no output of the run lands on one of them.
    func inputs() -> [FileIdentity: String] {
        var inputs: [FileIdentity: String] = [:]
        for url in CorpusLoader.urls(builtin: false, paths: docs).urls {
            if let identity = FileIdentity(path: url.path) { inputs[identity] = "a --docs file" }
        }
        return inputs
    }

    /// A `--docs` path that does not exist is a mistake in the command, not a document to warn
    /// about: exit 2 before loading anything.
    func checkPaths() throws {
        for path in docs where access(path, F_OK) != 0 {
            Terminal.error("qyx: --docs \(path): no such file or folder")
            throw ExitCode(2)
        }
    }

    /// The corpus as columns to query: the built-in image when only the built-in corpus is
    /// asked for, else the documents read afresh. A load that `cancellation` stops ends qyx with
    /// exit status 1.
    func database(cancellation: Cancellation = .none) -> Database {
        if !noBuiltin, docs.isEmpty, let database = BuiltinImage.load() {
            report(database.corpus.diagnostics)
            return database
        }
        // Each document goes into columns on the thread that read it: the whole model is never held.
        var builder = Database.Builder()
        let (urls, warnings) = CorpusLoader.urls(builtin: !noBuiltin, paths: docs)
        for warning in warnings { builder.append(warning) }
        let stopped = CorpusLoader.read(urls, cancellation: cancellation, progress: LoadProgress.reporter(),
                                        prepare: { Database.Part($0) }) { loaded in
            switch loaded {
            case .document(let part): builder.append(part)
            case .diagnostic(let diagnostic): builder.append(diagnostic)
            }
        }
        let database = builder.finish()
        report(database.corpus.diagnostics)
        if stopped != nil { Terminal.exitNow(1) }
        return database
    }

    private func report(_ diagnostics: [Diagnostic]) {
        for d in diagnostics where !quiet || d.severity == .error {
            Terminal.error(d.description)
        }
    }
}

/// `--param name=value` options, as statement parameters.
enum Parameters {
    static func parse(_ options: [String]) throws -> [String: Value] {
        var values: [String: Value] = [:]
        for p in options {
            guard let eq = p.firstIndex(of: "=") else { throw ValidationError("--param needs name=value, got '\(p)'") }
            var name = String(p[..<eq])
            if name.hasPrefix("$") { name.removeFirst() }
            values[name] = Engine.parameterValue(String(p[p.index(after: eq)...]))
        }
        return values
    }
}

/// A one-line progress count for long loads, on a terminal only (never into a pipe or a file).
enum LoadProgress {
    static func reporter() -> ((Int, Int, Int) -> Void)? {
        guard Terminal.isInteractive(STDERR_FILENO) else { return nil }
        let started = ProcessInfo.processInfo.systemUptime
        var last = 0.0
        return { done, total, bytes in
            let now = ProcessInfo.processInfo.systemUptime
            // Quiet for short loads; at most ten updates a second after that.
            guard now - started > 0.5, now - last > 0.1 || done == total else { return }
            last = now
            let line = String(format: "loading %d/%d documents, %.1f MB, %.1f MB/s", done, total,
                              Double(bytes) / 1e6, Double(bytes) / 1e6 / max(now - started, 1e-3))
            try? OutputWriter.standardError.write("\r" + line + (done == total ? "\n" : ""))
        }
    }
}

/// The default command: statements from -c, -f, a pipe, or the interactive shell.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run statements (the default command).")

    @Option(name: .short, help: ArgumentHelp("Run these statements and exit.", valueName: "statements"))
    var command: String?

    @Option(name: .short, help: ArgumentHelp("Run the statements in this file and exit.", valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp("table, box, line, csv, tsv, json, jsonl or markdown.", valueName: "format"))
    var format: OutputFormat?

    @Option(name: .customLong("param"), help: ArgumentHelp("Bind $name in statements (repeatable).", valueName: "name=value"))
    var params: [String] = []

    @Flag(help: "Print load and run times to standard error.")
    var timer = false

    @Option(help: ArgumentHelp("Stop a statement, or the load of --docs, that runs longer than this (batch mode; the shell has Ctrl-C).", valueName: "seconds"))
    var timeout: Double = 60

    @OptionGroup var corpusOptions: CorpusOptions

    func validate() throws {
        _ = try Parameters.parse(params)
    }

    func run() throws {
        DisplayWidth.prepareLocale()
        try corpusOptions.checkPaths()
        let parameters = try Parameters.parse(params)
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
                let (offset, line) = SourceFile.firstInvalidUTF8(Array(data))
                Terminal.error("<stdin>: error: standard input is not UTF-8 text (invalid byte 0x\(String(format: "%02X", data[offset])) at line \(line), byte \(offset))")
                throw ExitCode(1)
            }
            source = (text, "<stdin>")
        } else {
            source = nil
        }
        if let source {
            // A --param no statement uses is a misspelling, not a no-op.
            let used = Lexer.parameterNames(in: source.text)
            for name in parameters.keys.sorted() where !used.contains(name) {
                let hint = Suggest.closest(name, among: used.sorted()).map { " (did you mean \($0)?)" } ?? ""
                Terminal.error("qyx: --param \(name): no statement uses $\(name)\(hint)")
                throw ExitCode(2)
            }
        }
        let started = ProcessInfo.processInfo.systemUptime
        // A batch run's load of --docs has the statements' time limit; the shell has Ctrl-C.
        let load = source == nil ? Cancellation.none : Cancellation(limit: timeout > 0 ? timeout : nil)
        let engine = Engine(database: corpusOptions.database(cancellation: load))
        if timer {
            let rows = engine.database.count(.indicators)
            Terminal.error(String(format: "Load Time: %.3f s (%d documents, %d indicators)",
                                  ProcessInfo.processInfo.systemUptime - started, engine.database.corpus.documents.count, rows))
        }
        guard let source else {
            let shell = Shell(engine: engine, parameters: parameters, format: format ?? .table)
            let status = shell.run()
            if status != 0 { throw ExitCode(status) }
            return
        }
        let context = ExecutionContext(parameters: parameters, timeLimit: timeout > 0 ? timeout : nil)
        let batch = BatchRunner(engine: engine, context: context, format: format ?? .table, timer: timer)
        Terminal.exitNow(batch.run(source.text, name: source.name) ? 0 : 1)
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// `qyx export ENTITY --format csv|jsonl` writes one entity to standard output;
/// `qyx export --format sqlite FILE` writes every entity into a SQLite database.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one entity as CSV or JSON Lines, or every entity into a SQLite database.",
        discussion: """
          qyx export indicators --format csv
          qyx export --format sqlite qyx.db --docs more-plans/
        """)

    enum Format: String, CaseIterable, ExpressibleByArgument { case csv, jsonl, sqlite }

    @Argument(help: ArgumentHelp("The entity (documents, indicators, tasks, projects, reforms, pairings, figures, conflicts, domains), or with --format sqlite the database file.", valueName: "entity|file"))
    var target: String

    @Option(help: "csv, jsonl or sqlite")
    var format: Format = .jsonl

    @Flag(help: "With --format sqlite: replace a file qyx did not write, or write where a symbolic link points.")
    var force = false

    @OptionGroup var corpusOptions: CorpusOptions

    func validate() throws {
        if format != .sqlite, EntityKind(rawValue: target) == nil {
            throw ValidationError("unknown entity '\(target)'; entities are \(EntityKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        try corpusOptions.checkPaths()
        // The destination is checked before the documents are read: a refusal costs nothing.
        let replacement = format == .sqlite
            ? Replacement.beginOrExit(target, force: force, intoDevice: false, inputs: corpusOptions.inputs(), wroteByQyx: SQLiteExporter.wroteDatabase)
            : nil
        // The same database queries read: export and queries never differ in what they load.
        let database = corpusOptions.database()
        switch format {
        case .sqlite:
            guard let replacement else { return }
            do {
                try SQLiteExporter.export(database, to: replacement.path)
            } catch {
                replacement.abandon()
                Terminal.error("qyx: cannot write \(target): \(error)")
                throw ExitCode(1)
            }
            replacement.finishOrExit()
        case .csv, .jsonl:
            let entity = EntityKind(rawValue: target)!
            var out = ""
            EntityExporter.export(entity, from: database, as: format == .csv ? .csv : .jsonl) { out += $0 }
            Terminal.write(out)
        }
    }
}
