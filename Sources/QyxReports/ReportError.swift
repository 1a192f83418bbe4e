/// Why a template cannot be rendered, located in the template: TEMPLATE:LINE:COL (line 0 for
/// what is about the whole template, such as a `--param` it does not use).
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
        (line > 0 ? "\(file):\(line):\(column)" : file) + ": error: \(message)\n" + (excerpt ?? "")
    }
}
