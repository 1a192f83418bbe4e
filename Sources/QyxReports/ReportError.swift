/// Why a template cannot be rendered, located in the template: TEMPLATE:LINE:COL.
public struct ReportError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String
    /// The offending template line with a caret, when known.
    public var excerpt: String?

    public init(file: String, line: Int, column: Int, message: String, excerpt: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.excerpt = excerpt
    }

    public var description: String {
        "\(file):\(line):\(column): error: \(message)\n" + (excerpt ?? "")
    }
}
