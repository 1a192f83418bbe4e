import QyxModel
import QyxText

/// What a builder needs to know about the document a table sits in.
struct TableContext {
    var document: PlanDocument
    var file: SourceFile
    var diagnostics: [Diagnostic] = []

    var region: String? { document.region }

    mutating func warn(_ line: Int?, _ message: String) {
        diagnostics.append(Diagnostic(.warning, file: file.path, line: line, message))
    }

    mutating func note(_ line: Int?, _ message: String) {
        diagnostics.append(Diagnostic(.note, file: file.path, line: line, message))
    }

    func provenance(_ line: Int) -> Provenance { Provenance(doc: document.id, line: line) }

    /// The year a one-year table is for: from its caption (`表 2025年…`) or the plan's single year.
    func tableYear(caption: String?) -> Int? {
        if let caption {
            // Five Characters from the first ASCII digit on; in plain text, five scalars.
            let digits = PlainText.isPlain(caption)
                ? String(String.UnicodeScalarView(caption.unicodeScalars.drop(while: { !(0x30...0x39).contains($0.value) }).prefix(5)))
                : String(caption.drop(while: { !($0.isASCII && $0.isNumber) }).prefix(5))
            if let year = DocumentLayout.yearColumn(digits) { return year }
        }
        return document.singleYear
    }

    /// `baseline` for a year before the plan's period, else `target`.
    func indicatorKind(year: Int) -> String {
        if let start = document.periodStart, year < start { return "baseline" }
        return "target"
    }
}
