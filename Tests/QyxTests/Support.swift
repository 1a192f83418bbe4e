import Foundation
@testable import QyxLanguage
import QyxModel
import QyxReaders
import QyxAnalysis
import Testing
@testable import QyxStorage

/// The built-in corpus with its conflicts, read once for all tests.
let builtin = {
    var corpus = CorpusLoader.load(builtin: true)
    corpus.conflicts = ConflictFinder.find(in: corpus)
    return corpus
}()

/// A database loaded as the binary loads documents: each put into columns on the thread that
/// read it, the parts appended in order, conflicts found once all are in.
func streamedDatabase(_ urls: [URL], conflictPieceRows: Int = Database.Builder.pieceRows) -> Database {
    var builder = Database.Builder()
    CorpusLoader.read(urls, prepare: { Database.Part($0) }) { loaded in
        switch loaded {
        case .document(let part): builder.append(part)
        case .diagnostic(let diagnostic): builder.append(diagnostic)
        }
    }
    return builder.finish(conflictPieceRows: conflictPieceRows)
}

/// Every row of `entity` in `database`, as values.
func rows(of entity: EntityKind, in database: Database) -> [[Value]] {
    let table = database.table(entity)
    return (0..<table.count).map { table.row($0, database.pool) }
}

/// Reads a document written inline, as if it were a file named `name`.
func readDocument(_ text: String, name: String = "test-doc.txt") throws -> Corpus {
    let file = try SourceFile.decode(Data(text.utf8), path: name, id: (name as NSString).deletingPathExtension)
    return DocumentReader.read(file)
}

/// Rows of `entity` as field-name → value dictionaries.
func records(_ entity: EntityKind, _ corpus: Corpus) -> [[String: Value]] {
    let names = entity.fields.map(\.name)
    return entity.rows(in: corpus).map { Dictionary(uniqueKeysWithValues: zip(names, $0)) }
}

/// A temporary folder removed by the caller.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("qyx-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The `qyx` binary built next to the test bundle.
func qyxBinary() throws -> URL {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("qyx")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir.deleteLastPathComponent()
    }
    throw CLIError("qyx binary not found near \(CommandLine.arguments[0]); run swift build first")
}

struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Runs the real binary with `arguments` and `input` on stdin; returns stdout, stderr, status.
func runQyx(_ arguments: [String], input: String? = nil, environment: [String: String]? = nil) throws -> (out: String, err: String, status: Int32) {
    let process = Process()
    process.executableURL = try qyxBinary()
    process.arguments = arguments
    if let environment { process.environment = environment }
    // stderr goes to a file so that reading stdout to its end cannot deadlock on a full pipe.
    let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("qyx-stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errURL) }
    let outPipe = Pipe(), inPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = try FileHandle(forWritingTo: errURL)
    process.standardInput = inPipe
    try process.run()
    if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
    try inPipe.fileHandleForWriting.close()
    let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let errData = (try? Data(contentsOf: errURL)) ?? Data()
    return (String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self), process.terminationStatus)
}

/// One engine over the built-in corpus for the language tests.
let builtinEngine = Engine(database: Database(builtin))

/// Runs one statement on the built-in corpus.
func query(_ text: String, parameters: [String: Value] = [:]) throws -> ResultSet {
    let statements = try Parser.parseScript(text)
    guard statements.count == 1 else { throw CLIError("expected one statement in \(text)") }
    return try builtinEngine.execute(statements[0], in: ExecutionContext(parameters: parameters))
}

/// The cells of one column as display text.
func column(_ result: ResultSet, _ name: String) -> [String] {
    guard let i = result.columns.firstIndex(where: { $0.name == name }) else { return [] }
    return result.rows.map { $0[i].displayText }
}

/// The error a statement raises, or nil.
func queryError(_ text: String) -> QueryError? {
    do {
        _ = try query(text)
        return nil
    } catch let e as QueryError {
        return e
    } catch {
        return nil
    }
}
