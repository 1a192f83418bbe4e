import Foundation
import QyxLanguage
import QyxModel
import QyxOutput

/// The interactive shell: libedit line editing, multi-line statements, meta commands in the
/// style of sqlite3 and psql, a pager for tall results, and Ctrl-C that never ends the session.
final class Shell {
    let engine: Engine
    /// The `--param` values, and Ctrl-C to stop a statement.
    let context: ExecutionContext
    var format: OutputFormat
    var timer = false
    /// `.expanded`, as psql's `\x`: tables shown in line mode always, never, or when too wide.
    enum Expanded: String { case on, off, auto }
    var expanded = Expanded.off
    /// Results go here; nil is standard output.
    var output: OutputWriter?
    var outputPath: String?
    let colour: Bool
    let pager: Pager

    init(engine: Engine, parameters: [String: Value], format: OutputFormat) {
        self.engine = engine
        context = ExecutionContext(parameters: parameters, shouldStop: { Interrupt.requested })
        self.format = format
        let env = ProcessInfo.processInfo.environment
        colour = Terminal.isInteractive(STDOUT_FILENO) && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
        pager = Pager(environment: env)
    }

    func run() -> Int32 {
        Interrupt.install()
        // A pager that quits early closes its pipe: the write fails with EPIPE instead.
        signal(SIGPIPE, SIG_IGN)
        guard let editor = LineEditor(historyPath: LineEditor.defaultHistoryPath()) else {
            Terminal.error("qyx: cannot start line editing on this terminal")
            return 1
        }
        activeCompleter = Completer(database: engine.database)
        let corpus = engine.database.corpus
        Terminal.write("qyx — \(corpus.documents.count) documents, \(engine.database.count(.indicators)) indicators. Type help or .help; Ctrl-D leaves.\n")
        var buffer = ""
        while true {
            editor.setPrompt(buffer.isEmpty ? "qyx> " : "...> ")
            switch editor.read() {
            case .endOfFile:
                if buffer.isEmpty { Terminal.write("\n"); return 0 }
                // Ctrl-D inside a statement abandons it.
                Terminal.write("\n")
                buffer = ""
            case .interrupted:
                Terminal.write("^C\n")
                buffer = ""
            case .line(let line):
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if buffer.isEmpty {
                    if trimmed.isEmpty { continue }
                    // Meta commands and help need no `;`, and a habitual one is dropped.
                    let command = trimmed.hasSuffix(";") ? String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces) : trimmed
                    if command.hasPrefix(".") {
                        editor.remember(trimmed)
                        if !meta(command) { return 0 }
                        continue
                    }
                    if command.lowercased() == "help" || command.lowercased().hasPrefix("help ") {
                        editor.remember(trimmed)
                        emit(Help.text(String(command.dropFirst(4)).trimmingCharacters(in: .whitespaces)))
                        continue
                    }
                }
                // Blank lines inside a statement are kept; only `;` ends it.
                buffer += (buffer.isEmpty ? "" : "\n") + line
                let (statements, rest) = StatementSplitter.split(buffer)
                buffer = rest
                for statement in statements {
                    editor.remember(statement)
                    execute(statement, name: nil)
                    if Interrupt.requested { break }
                }
            }
        }
    }

    /// Runs statements, printing each result (through the pager when taller than the screen).
    func execute(_ text: String, name: String?) {
        do {
            for statement in try Parser.parseScript(text) {
                let started = ProcessInfo.processInfo.systemUptime
                let result = try engine.execute(statement, in: context)
                let elapsed = ProcessInfo.processInfo.systemUptime - started
                show(result)
                // Timing goes to the terminal, not into a file chosen with .output.
                if timer { Terminal.write("Run Time: \(Self.duration(elapsed))\n") }
            }
        } catch {
            let message = ErrorFormatter.format(error, source: text, file: name ?? "qyx")
            Terminal.error(colour ? message.replacingOccurrences(of: "error:", with: "\u{1B}[31merror:\u{1B}[0m") : message)
        }
    }

    /// Seconds with three significant digits, in ms below one second: `2.41 ms`, `1.20 s`.
    static func duration(_ seconds: Double) -> String {
        let (value, unit) = seconds * 1000 < 999.5 ? (seconds * 1000, "ms") : (seconds, "s")
        let magnitude = value > 0 ? Int(floor(log10(value))) : 0
        return String(format: "%.\(max(0, 2 - magnitude))f ", value) + unit
    }

    func show(_ result: ResultSet) {
        let width = output == nil ? Terminal.width() : nil
        var renderer = ResultRenderer(format: format, width: width)
        if format == .table || format == .box,
           expanded == .on || (expanded == .auto && width.map { !renderer.fits(result, in: $0) } == true) {
            renderer.format = .line
        }
        var text = renderer.render(result)
        if colour, output == nil, renderer.format == .table, let newline = text.firstIndex(of: "\n") {
            text = "\u{1B}[1m" + text[..<newline] + "\u{1B}[0m" + text[newline...]
        }
        emit(text)
    }

    func emit(_ text: String) {
        if let output {
            do { try output.write(text) } catch { Terminal.error(error.description) }
            return
        }
        pager.show(text)
    }

    /// Returns false to leave the shell.
    func meta(_ line: String) -> Bool {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch parts[0] {
        case ".quit", ".exit", ".q":
            return false
        case ".help":
            emit(Help.text(argument))
        case ".format", ".mode":
            if let f = OutputFormat(rawValue: argument) { format = f } else {
                Terminal.error("formats: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")) (now \(format.rawValue))")
            }
        case ".pager":
            if argument == "on" || argument == "off" { pager.enabled = argument == "on" } else { Terminal.error("usage: .pager on|off") }
        case ".expanded":
            if let e = Expanded(rawValue: argument) { expanded = e } else { Terminal.error("usage: .expanded on|off|auto (now \(expanded.rawValue))") }
        case ".timer":
            if argument == "on" || argument == "off" { timer = argument == "on" } else { Terminal.error("usage: .timer on|off") }
        case ".read":
            guard !argument.isEmpty, let data = FileManager.default.contents(atPath: argument),
                  let text = String(validating: data, as: UTF8.self) else {
                Terminal.error("cannot read '\(argument)' as UTF-8 text")
                return true
            }
            execute(text, name: argument)
        case ".output":
            if let output { close(output.fd) }
            output = nil
            outputPath = nil
            if argument.isEmpty || argument == "stdout" { return true }
            let fd = open(argument, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard fd >= 0 else {
                Terminal.error(WriteFailure(argument, errno: errno).description)
                return true
            }
            output = OutputWriter(fd: fd, name: argument)
            outputPath = argument
        case ".docs":
            execute("select id, title, region, number, kind, period_start, period_end from documents", name: nil)
        case ".schema":
            if argument.isEmpty {
                for entity in engine.database.entityNames {
                    emit("\(entity):\n")
                    execute("describe \(entity)", name: nil)
                }
            } else {
                execute("describe \(argument)", name: nil)
            }
        default:
            let hint = Suggest.closest(parts[0], among: Completer.metaCommands).map { " (did you mean \($0)?)" } ?? ""
            Terminal.error("unknown command \(parts[0])\(hint); .help meta lists them")
        }
        return true
    }
}
