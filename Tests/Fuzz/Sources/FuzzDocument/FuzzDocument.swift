// libFuzzer entry point for the document readers: decode the input as a text file, read it into
// the model and look for conflicts, then put it into columns as a load does and check that the
// conflicts found from the columns are the model's. A ReadError (not UTF-8, NUL bytes) is the
// expected answer to a bad file; anything else (a trap, an ASan report, a hang past -timeout,
// the two conflict lists differing) is a finding.
import Foundation
import QyxLanguage
import QyxModel
import QyxReaders
import QyxAnalysis
import QyxStorage

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file: SourceFile
    do {
        file = try SourceFile.decode(Data(bytes: data, count: size), path: "fuzz.txt", id: "fuzz")
    } catch {
        return 0
    }
    var corpus = DocumentReader.read(file)
    corpus.conflicts = ConflictFinder.find(in: corpus)
    let database = Database(corpus)
    let table = database.table("conflicts")!
    let fromColumns = (0..<table.count).map { r in table.columns.map { $0.value(r, database.pool) } }
    if fromColumns != corpus.conflicts.map(\.values) {
        fatalError("conflicts from the columns differ from the model's: \(fromColumns) vs \(corpus.conflicts)")
    }
    return 0
}
