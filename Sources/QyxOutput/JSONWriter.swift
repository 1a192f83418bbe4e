import QyxModel
import QyxStorage

/// Writes values as JSON text. Document text is escaped per RFC 8259; numbers print in their
/// shortest faithful form.
public enum JSONWriter {
    public static func encode(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite ? Value.format(d) : "null"
        case .text(let s), .date(let s): return quote(s)
        case .list(let items): return "[" + items.map(encode).joined(separator: ",") + "]"
        case .record(let fields):
            return "{" + fields.map { quote($0.name) + ":" + encode($0.value) }.joined(separator: ",") + "}"
        }
    }

    /// One JSON object for a row, fields in schema order.
    public static func object(names: [String], values: [Value]) -> String {
        "{" + zip(names, values).map { quote($0) + ":" + encode($1) }.joined(separator: ",") + "}"
    }

    public static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// Writes CSV per RFC 4180: a field is quoted when it holds a comma, quote or line break.
/// Lists join with `; `; composite parts read `label: value`.
public enum CSVWriter {
    public static func line(_ fields: [String], separator: Character = ",") -> String {
        fields.map { escape($0, separator: separator) }.joined(separator: String(separator))
    }

    public static func escape(_ s: String, separator: Character = ",") -> String {
        guard s.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func cell(_ value: Value) -> String {
        switch value {
        case .list(let items) where items.contains(where: { if case .record = $0 { return true } else { return false } }):
            return items.map { JSONWriter.encode($0) }.joined(separator: "; ")
        default: return value.displayText
        }
    }
}

/// Writes a whole entity in an interchange format, from the database queries read.
public enum EntityExporter {
    public enum Format: String, CaseIterable, Sendable { case csv, jsonl }

    public static func export(_ entity: EntityKind, from database: Database, as format: Format,
                              write: (String) -> Void) {
        guard let table = database.table(entity.rawValue) else { return }
        let names = table.fields.map(\.name)
        // Row by row: a million rows of values at once would double the peak memory.
        switch format {
        case .csv:
            write(CSVWriter.line(names) + "\n")
            for r in 0..<table.count { write(CSVWriter.line(table.row(r, database.pool).map(CSVWriter.cell)) + "\n") }
        case .jsonl:
            for r in 0..<table.count { write(JSONWriter.object(names: names, values: table.row(r, database.pool)) + "\n") }
        }
    }
}
