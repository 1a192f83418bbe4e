import Foundation
import QyxLanguage
import QyxModel
import QyxReaders
import QyxStorage

/// The built-in corpus as a database image (`Resources/builtin.qyximage`), so that starting qyx
/// on it reads one file instead of parsing five documents, finding figures and conflicts and
/// building columns (about 110 ms of a 130 ms start).
///
/// The image is made from the shipped documents by the test suite (`BuiltinImageTests`), which
/// fails when it no longer matches what the readers make of them; refresh it with
/// `QYX_RECORD_IMAGE=1 swift test --filter BuiltinImageTests`.
enum BuiltinImage {
    static let name = "builtin.qyximage"

    /// The image's database, or nil (after saying why) when it is missing or unreadable, in which
    /// case the caller reads the documents.
    static func load() -> Database? {
        guard let path = location() else {
            Terminal.error("qyx: warning: the built-in corpus image is missing; reading the documents instead")
            return nil
        }
        do {
            return try DatabaseImage.read(try contents(of: path))
        } catch {
            Terminal.error("qyx: warning: the built-in corpus image is unreadable (\(error)); reading the documents instead")
            return nil
        }
    }

    /// The resource bundle beside the executable, where SwiftPM puts it; else wherever
    /// `Bundle.module` finds it (which costs a cold start half a millisecond more).
    static func location() -> String? {
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            let path = (executable as NSString).deletingLastPathComponent + "/qyx_qyx.resources/" + name
            if FileManager.default.isReadableFile(atPath: path) { return path }
        }
        return Bundle.module.path(forResource: "builtin", ofType: "qyximage")
    }

    /// The whole file, read straight into the array the image reader takes.
    static func contents(of path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CocoaError(.fileReadNoPermission) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw CocoaError(.fileReadUnknown) }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let n = read(fd, buffer.baseAddress! + count, size - count)
                if n <= 0 { failed = n < 0; break }
                count += n
            }
        }
        if failed { throw CocoaError(.fileReadUnknown) }
        return bytes
    }
}
