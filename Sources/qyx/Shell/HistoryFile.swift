import Foundation
import LineEditing

/// The history file, in libedit's format (a `_HiStOrY_V2_` line, then one escaped entry a line).
/// It is opened with O_NOFOLLOW, so a symlink is refused rather than its target rewritten, and
/// each new entry is appended under an exclusive flock, so shells sharing the file keep each
/// other's entries; past `limit` entries it is trimmed in place, under the same lock.
struct HistoryFile {
    let path: String
    let limit: Int

    enum Failure: Error { case symlink, unwritable }

    static let header = "_HiStOrY_V2_\n"

    /// Reads the entries into libedit's history; a missing file is an empty history.
    func load(into history: OpaquePointer) throws(Failure) {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP { throw .symlink }
            return
        }
        defer { close(fd) }
        flock(fd, LOCK_SH)
        // libedit loads by path; this one names the descriptor already opened without following.
        _ = qyx_history_load(history, "/proc/self/fd/\(fd)")
    }

    func append(_ entry: String) throws(Failure) {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw errno == ELOOP ? .symlink : .unwritable }
        // Closing releases the lock.
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, flock(fd, LOCK_EX) == 0 else { throw .unwritable }
        fchmod(fd, 0o600)
        var lines = Self.read(fd).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        if lines.first != String(Self.header.dropLast()) {
            lines = [String(Self.header.dropLast())]
            guard ftruncate(fd, 0) == 0 else { throw .unwritable }
        }
        lines.append(Self.escape(entry))
        // Entries past the limit go, oldest first: the file is rewritten only then.
        let text: String
        if lines.count - 1 > limit {
            lines = [lines[0]] + lines.suffix(limit)
            guard ftruncate(fd, 0) == 0 else { throw .unwritable }
            text = lines.joined(separator: "\n") + "\n"
        } else {
            text = (lines.count == 2 ? Self.header : "") + lines.last! + "\n"
        }
        do { try OutputWriter(fd: fd, name: "the history file").write(text) } catch { throw .unwritable }
    }

    /// libedit's escapes (strvis with VIS_WHITE): a backslash doubled, white space in octal.
    static func escape(_ entry: String) -> String {
        entry.unicodeScalars.map { c in
            c == "\\" ? "\\\\" : c.properties.isWhitespace && c.isASCII ? String(format: "\\%03o", c.value) : String(c)
        }.joined()
    }

    static func read(_ fd: Int32) -> String {
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        var offset: off_t = 0
        while true {
            let n = pread(fd, &chunk, chunk.count, offset)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            data += chunk[0..<n]
            offset += off_t(n)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
