// libFuzzer entry point for the database image reader (DatabaseImage, the built-in corpus's
// format): any bytes are read, and an image that reads is written again and must give the same
// bytes. DatabaseImage.Invalid is the expected answer to a bad image; anything else (a trap, an
// ASan report, a huge allocation from a count in the header) is a finding.
import QyxLanguage
import QyxStorage

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let database = try? DatabaseImage.read(bytes) else { return 0 }
    let again = DatabaseImage.write(database)
    if again != bytes, (try? DatabaseImage.read(again)).map(DatabaseImage.write) != again {
        fatalError("an image read and written again does not read back to the same bytes")
    }
    return 0
}
