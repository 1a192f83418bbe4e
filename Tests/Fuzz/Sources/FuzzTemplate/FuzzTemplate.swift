// libFuzzer entry point for report templates: the input is a whole template (YAML front matter
// and body), rendered to Markdown and to HTML on the built-in corpus. A ReportError is the
// expected answer to a bad template; anything else (a trap, an ASan report, a hang past -timeout,
// memory past -rss_limit_mb, as a billion-laughs front matter once did) is a finding.
import Foundation
import QyxLanguage
import QyxModel
import QyxReaders
import QyxReports
import QyxStorage

/// Built once, on the first input: loading the corpus is far slower than one render.
let engine: Engine = Engine(database: Database(CorpusLoader.load(builtin: true)))

/// A render whose queries run longer than this in all is stopped (an "interrupted" error), so
/// slow but finite templates do not stall fuzzing.
let renderBudget = 1.0

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    for format in ReportFormat.allCases {
        let started = ProcessInfo.processInfo.systemUptime
        let context = ExecutionContext(shouldStop: { ProcessInfo.processInfo.systemUptime - started > renderBudget })
        do {
            _ = try ReportRenderer(engine: engine, context: context).render(template: text, file: "fuzz.md", parameters: [:], to: format)
        } catch {
            // ReportError (typed throw): an ordinary rejection, not a finding.
        }
    }
    return 0
}
