import CYaml
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
        try check(yaml, file: file)
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: yaml)
        } catch let error as YamlError {
            throw Self.located(error, file: file)
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

    /// A title and a few parameters fit in far less.
    static let maxBytes = 65_536
    /// Nesting deeper than this is no front matter qyx reads, and Yams builds it recursively.
    static let maxDepth = 32

    /// Refuses what could make loading the YAML blow up before Yams builds anything: more than
    /// `maxBytes`, nesting deeper than `maxDepth`, and anchors and aliases, which Yams expands
    /// without a budget (nine nested aliases of nine make a billion nodes). libyaml's scanner
    /// finds them as tokens, so an `&` or `*` inside a quoted string is not mistaken for one.
    static func check(_ yaml: String, file: String) throws(ReportError) {
        guard yaml.utf8.count <= maxBytes else {
            throw ReportError(file: file, line: 2, column: 1, message: "front matter is over \(maxBytes / 1024) KB")
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(yaml.utf8)
        var failure: ReportError?
        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var depth = 0
            var token = yaml_token_t()
            while failure == nil {
                guard yaml_parser_scan(&parser, &token) == 1 else {
                    // Reported here: Yams's own message quotes the line, and cutting the quote
                    // out of text with control characters trapped (found by FuzzTemplate).
                    let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
                    let reader = parser.error == YAML_READER_ERROR
                    failure = ReportError(file: file, line: reader ? 2 : Int(parser.problem_mark.line) + 2,
                                          column: reader ? 1 : Int(parser.problem_mark.column) + 1,
                                          message: "front matter is not valid YAML: \(problem)")
                    return
                }
                defer { yaml_token_delete(&token) }
                let type = token.type
                let line = Int(token.start_mark.line) + 2, column = Int(token.start_mark.column) + 1
                switch type {
                case YAML_STREAM_END_TOKEN:
                    return
                case YAML_ANCHOR_TOKEN, YAML_ALIAS_TOKEN:
                    failure = ReportError(file: file, line: line, column: column,
                                          message: "front matter anchors and aliases (&name, *name) are not supported; write the value out")
                case YAML_BLOCK_SEQUENCE_START_TOKEN, YAML_BLOCK_MAPPING_START_TOKEN,
                     YAML_FLOW_SEQUENCE_START_TOKEN, YAML_FLOW_MAPPING_START_TOKEN:
                    depth += 1
                    if depth > maxDepth {
                        failure = ReportError(file: file, line: line, column: column,
                                              message: "front matter nests deeper than \(maxDepth) levels")
                    }
                case YAML_BLOCK_END_TOKEN, YAML_FLOW_SEQUENCE_END_TOKEN, YAML_FLOW_MAPPING_END_TOKEN:
                    depth -= 1
                default:
                    break
                }
            }
        }
        if let failure { throw failure }
    }

    /// A Yams error at its place in the template, in words of our own (see `check`).
    static func located(_ error: YamlError, file: String) -> ReportError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ReportError(file: file, line: mark.line + 1, column: mark.column, message: "front matter is not valid YAML: \(problem)")
        case .reader(let problem, _, _, _):
            return ReportError(file: file, line: 2, column: 1, message: "front matter is not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, _):
            return ReportError(file: file, line: 2, column: 1, message: "front matter repeats the key \(duplicates.joined(separator: ", "))")
        default:
            return ReportError(file: file, line: 2, column: 1, message: "front matter is not valid YAML")
        }
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
