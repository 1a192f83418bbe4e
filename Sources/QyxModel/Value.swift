import Foundation
import QyxText

/// A typed cell of an entity row: what every entity exposes to renderers and to the language.
///
/// Dates are kept as ISO text (`2024-03-28`, `2024-04-02 20:40`) so that they sort and compare
/// lexicographically; lists and records carry multi-valued fields (leads, composite targets).
public enum Value: Hashable, Sendable {
    case null
    case int(Int)
    case double(Double)
    case text(String)
    case date(String)
    case list([Value])
    case record([RecordField])

    /// One named member of a `.record` value; order is kept for stable output.
    public struct RecordField: Hashable, Sendable {
        public var name: String
        public var value: Value
        public init(_ name: String, _ value: Value) {
            self.name = name
            self.value = value
        }
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The numeric reading of the value, if it has one.
    public var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// Plain text as an analyst would read it in a table cell.
    public var displayText: String {
        switch self {
        case .null: return ""
        case .int(let i): return String(i)
        case .double(let d): return Value.format(d)
        case .text(let s), .date(let s): return s
        case .list(let items): return items.map(\.displayText).joined(separator: "; ")
        case .record(let fields):
            return fields.filter { !$0.value.isNull }.map { "\($0.name): \($0.value.displayText)" }
                .joined(separator: ", ")
        }
    }

    /// Shortest faithful decimal text: integral values print without a fraction.
    public static func format(_ d: Double) -> String { DecimalDigits.text(d) }

    public static func texts(_ items: [String]) -> Value { .list(items.map { .text($0) }) }
    public static func optional(_ s: String?) -> Value { s.map { .text($0) } ?? .null }
    public static func optional(_ i: Int?) -> Value { i.map { .int($0) } ?? .null }
    public static func optional(_ d: Double?) -> Value { d.map { .double($0) } ?? .null }
}
