import Foundation
import QyxLanguage
import QyxOutput

/// Runs a script of statements (from -c, -f or a pipe). Results are written as each statement
/// finishes; the first error is reported as FILE:LINE:COL with a caret and ends the run.
struct BatchRunner {
    let engine: Engine
    let context: ExecutionContext
    let format: OutputFormat
    var timer = false

    /// Returns false when a statement failed.
    func run(_ text: String, name: String) -> Bool {
        let renderer = ResultRenderer(format: format, width: Terminal.width())
        var first = true
        var started = ProcessInfo.processInfo.systemUptime
        do {
            try engine.run(text, in: context) { _, result in
                if timer {
                    Terminal.error(String(format: "Run Time: %.6f s", ProcessInfo.processInfo.systemUptime - started))
                }
                // Tables (and line-mode rows) of several statements are separated by a blank line.
                if [.table, .box, .line].contains(format), !first { Terminal.write("\n") }
                first = false
                Terminal.write(renderer.render(result))
                started = ProcessInfo.processInfo.systemUptime
            }
            return true
        } catch let error as QueryError {
            Terminal.error(ErrorFormatter.format(error, source: text, file: name))
            return false
        } catch {
            Terminal.error("\(name): error: \(error)")
            return false
        }
    }
}
