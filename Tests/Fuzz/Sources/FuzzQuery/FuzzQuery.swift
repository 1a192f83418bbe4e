// libFuzzer entry point for the query language: parse the input as a script and run every
// statement against the built-in corpus. A QueryError is the expected answer to a bad query;
// anything else (a trap, an ASan report, a hang past -timeout) is a finding.
import Foundation
import QyxLanguage
import QyxModel
import QyxReaders
import QyxStorage

/// Built once, on the first input: loading the corpus is far slower than one query.
let engine: Engine = Engine(database: Database(CorpusLoader.load(builtin: true)))

/// A statement that runs longer than this is stopped with an "interrupted" QueryError, so slow
/// (but finite) inputs do not stall fuzzing; truly stuck ones are left to libFuzzer's -timeout.
let statementBudget = 1.0

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    let statements: [ParsedStatement]
    do {
        statements = try Parser.parseScript(text)
    } catch {
        return 0
    }
    for statement in statements {
        let started = ProcessInfo.processInfo.systemUptime
        let context = ExecutionContext(shouldStop: { ProcessInfo.processInfo.systemUptime - started > statementBudget })
        do {
            _ = try engine.execute(statement, in: context)
        } catch {
            // QueryError (typed throw): an ordinary rejection, not a finding.
        }
    }
    return 0
}
