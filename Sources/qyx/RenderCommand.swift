import ArgumentParser
import Foundation
import QyxLanguage
import QyxModel
import QyxReports
import QyxText

extension ReportFormat: ExpressibleByArgument {}

/// `qyx render TEMPLATE [--param name=value …] [-o OUT] [--to md|html]`: fills a report template.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Fill a Markdown report template with query results, as Markdown or HTML.",
        discussion: """
        Queries go in ```qyx blocks (a table, or a chart with chart=line|bar), in {{ select … }} \
        (one value) and in {{#select …}} … {{/select}} sections (once per row; {{^select …}} when \
        there are none). {{ $name }} is a parameter, from --param or the front matter's params:.

          qyx render examples/reports/county-year.md --param region=嵊泗县 -o 嵊泗县.html
        """)

    @Argument(help: "The template (Markdown with YAML front matter).")
    var template: String

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a template parameter (repeatable).", valueName: "name=value"))
    var params: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: "md or html (default: from the output file's extension, else md).")
    var to: ReportFormat?

    @Option(help: ArgumentHelp("Stop a render whose queries run longer than this in all.", valueName: "seconds"))
    var timeout: Double = 60

    @Flag(help: "Replace an output file qyx did not write, write where a symbolic link points, or into a device.")
    var force = false

    @OptionGroup var corpusOptions: CorpusOptions

    func run() throws {
        try corpusOptions.checkPaths()
        // A FIFO or a device would block the read or never end it.
        var info = stat()
        if stat(template, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            Terminal.error("qyx: cannot read \(template): not a regular file")
            throw ExitCode(2)
        }
        guard let data = FileManager.default.contents(atPath: template) else {
            Terminal.error("qyx: cannot read \(template)")
            throw ExitCode(2)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            Terminal.error("\(template): error: not UTF-8 text")
            throw ExitCode(1)
        }
        let format = to ?? (output.map { $0.lowercased().hasSuffix(".html") || $0.lowercased().hasSuffix(".htm") } == true ? .html : .markdown)
        let parameters = try Parameters.parse(params)
        // The destination is checked (and its temporary file made) before anything is loaded.
        let replacement = output.map { output in
            var inputs = corpusOptions.inputs()
            if let identity = FileIdentity(path: template) { inputs[identity] = "the template" }
            return Replacement.beginOrExit(output, force: force, inputs: inputs, wroteByQyx: ReportRenderer.wroteReport)
        }
        // One time limit for the whole render: loading --docs and every query.
        let limit = Cancellation(limit: timeout > 0 ? timeout : nil)
        let engine = Engine(database: corpusOptions.database(cancellation: limit))
        let rendered = Result { () throws(ReportError) in
            try ReportRenderer(engine: engine, context: ExecutionContext(session: limit)).render(template: text, file: template, parameters: parameters, to: format)
        }
        guard case .success(let report) = rendered else {
            if case .failure(let error) = rendered {
                Terminal.error(error.description.hasSuffix("\n") ? String(error.description.dropLast()) : error.description)
            }
            replacement?.abandon()
            throw ExitCode(1)
        }
        guard let replacement else {
            Terminal.write(report)
            return
        }
        // Written whole or not at all: a failed render leaves no partial file behind.
        replacement.finishOrExit(writing: format == .markdown ? ReportRenderer.markdownMarker + report : report)
    }
}
