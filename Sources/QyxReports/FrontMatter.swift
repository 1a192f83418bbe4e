import Foundation
import QyxModel
import Yams

/// The YAML block between `---` lines at the top of a template: a title and parameter defaults,
/// so that one template serves every county (`--param region=洞头区` overrides a default).
struct FrontMatter {
    var title: String?
    var parameters: [String: Value] = [:]
    /// Lines the front matter takes, so the body's line numbers can be mapped back.
    var lineCount = 0

    /// Splits `text` into front matter and body.
    static func split(_ text: String, file: String) throws(ReportError) -> (FrontMatter, body: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
              let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            return (FrontMatter(), text)
        }
        var matter = FrontMatter(lineCount: end + 1)
        let yaml = lines[1..<end].joined(separator: "\n")
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: yaml)
        } catch {
            throw ReportError(file: file, line: 2, column: 1, message: "front matter is not valid YAML: \(error)")
        }
        if let map = loaded as? [String: Any] {
            matter.title = map["title"].map { "\($0)" }
            if let params = map["params"] {
                guard let params = params as? [String: Any] else {
                    throw ReportError(file: file, line: 2, column: 1, message: "front matter 'params' must be a map of name: value")
                }
                for (name, value) in params { matter.parameters[name] = Self.value(value) }
            }
        } else if loaded != nil {
            throw ReportError(file: file, line: 2, column: 1, message: "front matter must be a map (title:, params:)")
        }
        return (matter, lines[(end + 1)...].joined(separator: "\n"))
    }

    static func value(_ any: Any) -> Value {
        switch any {
        case let i as Int: return .int(i)
        case let d as Double: return .double(d)
        case let b as Bool: return .text(b ? "true" : "false")
        case let date as Date:
            let f = DateFormatter()
            f.dateFormat = "yyyy-MM-dd"
            f.timeZone = TimeZone(identifier: "UTC")
            return .date(f.string(from: date))
        default: return .text("\(any)")
        }
    }
}
