// libFuzzer entry point for several documents at once: the input is cut at each 0x1E byte (the
// ASCII record separator, which no document holds) into up to eight documents, read as a load
// reads them (each into columns, the parts appended in order, conflicts found among all), and
// checked against the model built from the same documents. Conflicts between documents, ids
// and repeated texts are what this target reaches that FuzzDocument cannot.
import Foundation
import QyxLanguage
import QyxModel
import QyxReaders
import QyxAnalysis
import QyxStorage

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let pieces = UnsafeBufferPointer(start: data, count: size).split(separator: 0x1E, omittingEmptySubsequences: false).prefix(8)
    var model = Corpus()
    var builder = Database.Builder()
    for (i, piece) in pieces.enumerated() {
        // Two names per id at most: the same id twice is a case the loader handles.
        guard let file = try? SourceFile.decode(Data(piece), path: "doc\(i).txt", id: "doc\(i % 4)") else { continue }
        let document = DocumentReader.read(file)
        guard !model.documents.contains(where: { $0.id == file.id }) else { continue }
        model.merge(document)
        builder.append(Database.Part(document))
    }
    model.conflicts = ConflictFinder.find(in: model)
    let database = builder.finish()
    let table = database.table("conflicts")!
    let streamed = (0..<table.count).map { r in table.columns.map { $0.value(r, database.pool) } }
    if streamed != model.conflicts.map(\.values) {
        fatalError("conflicts found as documents load differ from the model's: \(streamed) vs \(model.conflicts.map(\.values))")
    }
    return 0
}
