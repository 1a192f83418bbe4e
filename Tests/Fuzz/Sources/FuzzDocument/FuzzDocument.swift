// libFuzzer entry point for the document readers: decode the input as a text file, read it into
// the model and look for conflicts. A ReadError (not UTF-8, NUL bytes) is the expected answer to
// a bad file; anything else (a trap, an ASan report, a hang past -timeout) is a finding.
import Foundation
import QyxModel
import QyxReaders

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
    return 0
}
