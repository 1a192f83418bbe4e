import Foundation
import QyxLanguage
import QyxModel
import QyxReaders

/// The built-in corpus as a database image (`Resources/builtin.qyximage`), so that starting qyx
/// on it reads one file instead of parsing five documents, finding figures and conflicts and
/// building columns (about 110 ms of a 130 ms start).
///
/// The image is made from the shipped documents by the test suite (`BuiltinImageTests`), which
/// fails when it no longer matches what the readers make of them; refresh it with
/// `QYX_RECORD_IMAGE=1 swift test --filter BuiltinImageTests`.
enum BuiltinImage {
    /// The image's database, or nil (after saying why) when it is missing or unreadable, in which
    /// case the caller reads the documents.
    static func load() -> Database? {
        guard let url = Bundle.module.url(forResource: "builtin", withExtension: "qyximage") else {
            Terminal.error("qyx: warning: the built-in corpus image is missing; reading the documents instead")
            return nil
        }
        do {
            return try DatabaseImage.read(Array(try Data(contentsOf: url)))
        } catch {
            Terminal.error("qyx: warning: the built-in corpus image is unreadable (\(error)); reading the documents instead")
            return nil
        }
    }
}
