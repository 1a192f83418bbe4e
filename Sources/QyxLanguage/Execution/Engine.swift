import QyxModel
import QyxText
import QyxStorage

/// Runs parsed statements against a database. Immutable: everything that varies from call to
/// call comes in an `ExecutionContext`, so one engine can be shared by concurrent callers.
public struct Engine: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Parses and runs every statement of `text`, handing each result to `output` as it is ready,
    /// so that results before an error are kept.
    public func run(_ text: String, in context: ExecutionContext = ExecutionContext(),
                    output: (ParsedStatement, ResultSet) throws -> Void) throws {
        for statement in try Parser.parseScript(text) {
            try output(statement, try execute(statement, in: context))
        }
    }

    public func execute(_ parsed: ParsedStatement, in context: ExecutionContext = ExecutionContext()) throws(QueryError) -> ResultSet {
        let run = StatementRun(database: database, context: context)
        switch parsed.statement {
        case .select(let s): return try SelectExecutor(execution: run, statement: s).run()
        case .compare(let entity, let by, let filter):
            return try CompareExecutor(execution: run, entity: entity, by: by, filter: filter).run()
        case .describe(let name): return try Catalog.describe(name, in: database)
        case .showEntities: return Catalog.entities(in: database)
        case .showDomains: return Catalog.domains(in: database)
        case .showValues(let field, let entity): return try Catalog.values(of: field, entity: entity, in: database)
        }
    }

    /// Reads a `--param name=value` value: a number, a date, or text.
    public static func parameterValue(_ text: String) -> Value {
        if let i = Int(text) { return .int(i) }
        if let d = Double(text), text.contains(".") { return .double(d) }
        if text.count == 10, let tokens = try? Lexer.tokenize(text), tokens.first?.kind == .date, tokens.count == 2 { return .date(text) }
        return .text(text)
    }
}
