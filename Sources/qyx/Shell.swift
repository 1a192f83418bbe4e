import Foundation
import QyxLanguage
import QyxRendering

/// The interactive shell. (Line editing with libedit comes with the shell issue; this reads
/// plain lines so that a terminal user is never left without a prompt.)
struct Shell {
    let engine: Engine
    let format: OutputFormat

    func run() -> Int32 {
        let batch = BatchRunner(engine: engine, format: format)
        var buffer = ""
        Terminal.write("qyx — type a statement ending in ';', or .quit\nqyx> ")
        while let line = readLine() {
            if buffer.isEmpty, line.trimmingCharacters(in: .whitespaces) == ".quit" { return 0 }
            buffer += line + "\n"
            if line.trimmingCharacters(in: .whitespaces).hasSuffix(";") {
                _ = batch.run(buffer, name: "<shell>")
                buffer = ""
                Terminal.write("qyx> ")
            } else {
                Terminal.write("...> ")
            }
        }
        Terminal.write("\n")
        return 0
    }
}
