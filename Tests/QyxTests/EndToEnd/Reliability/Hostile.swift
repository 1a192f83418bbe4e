import Foundation
import Testing

/// What a hostile test needs: a folder to attack, a record of everything in it, and the binary
/// run with its standard output wherever the test says.
enum Hostile {
    /// One entry of a folder as `lstat` sees it: mode bits, and the bytes or the link target.
    struct Entry: Equatable, CustomStringConvertible {
        let mode: UInt32
        let content: Data?
        let link: String?
        var description: String { String(format: "%o ", mode) + (link.map { "-> " + $0 } ?? "\(content?.count ?? 0) bytes") }
    }

    /// Every entry under `folder` (not following links), by relative path.
    static func snapshot(_ folder: URL) -> [String: Entry] {
        var entries: [String: Entry] = [:]
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
        for name in names {
            let path = folder.appendingPathComponent(name).path
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            entries[name] = Entry(mode: UInt32(info.st_mode),
                                  content: type == S_IFREG ? FileManager.default.contents(atPath: path) : nil,
                                  link: type == S_IFLNK ? try? FileManager.default.destinationOfSymbolicLink(atPath: path) : nil)
        }
        return entries
    }

    /// The mode bits of `path` (0o600 …).
    static func mode(_ path: String) -> UInt32 {
        var info = stat()
        stat(path, &info)
        return UInt32(info.st_mode & 0o7777)
    }

    /// Runs the binary with standard output written to `stdoutPath` (a file or a device).
    static func run(_ arguments: [String], stdout stdoutPath: String) throws -> (err: String, status: Int32) {
        let process = Process()
        process.executableURL = try qyxBinary()
        process.arguments = arguments
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("qyx-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        guard let out = FileHandle(forWritingAtPath: stdoutPath) else { throw CLIError("cannot open \(stdoutPath)") }
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self), process.terminationStatus)
    }

    /// A small template whose output is easy to check.
    static let template = "# 报告\n\n{{ select count(*) from documents }} documents.\n"

    /// The root user reads and writes through any permission bits, so tests of unreadable and
    /// read-only folders mean something only for other users.
    static var isRoot: Bool { getuid() == 0 }
}
