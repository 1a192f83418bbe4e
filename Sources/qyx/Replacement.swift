import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file identity: the same file under any name (a hard link, a symbolic link, `./x`).
struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64

    /// The identity of what `path` names (following symbolic links), or nil when it does not exist.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

/// A new file written beside its target and renamed over it once complete, so that a reader
/// sees the old file or the new one, never a part; and so that qyx replaces only what it may.
///
/// The target may be replaced when it does not exist, or is a regular file that qyx wrote (as
/// `wroteByQyx` decides), or with `--force`. Never: a folder, an input of the same run (by device
/// and inode), a device (unless `--force`, which writes into it directly). A symbolic link is
/// followed only with `--force`. A replaced file keeps its mode.
struct Replacement {
    /// The file being written: the temporary file, or the device itself under `--force`.
    let fd: Int32
    /// The path being written in place of `target`; nil when writing into a device directly.
    private let temporary: String?
    let target: String
    /// How errors name the destination: the path as the user gave it.
    let name: String

    var writer: OutputWriter { OutputWriter(fd: fd, name: name) }

    /// Checks `path` and opens the file to write. `inputs` are the files this run reads, with
    /// what they are for the message; `intoDevice` says whether `--force` may write into a
    /// device (text can go to /dev/null; a database cannot).
    static func begin(_ path: String, force: Bool, intoDevice: Bool = true, inputs: [FileIdentity: String],
                      wroteByQyx: (String) -> Bool) throws(WriteFailure) -> Replacement {
        var target = path
        var info = stat()
        var exists = lstat(target, &info) == 0
        if exists, info.st_mode & S_IFMT == S_IFLNK {
            guard force else { throw WriteFailure(path, reason: "is a symbolic link (give --force to write where it points)") }
            // One level, resolved beside the link; the checks below apply to what it names.
            let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: target)) ?? target
            target = destination.hasPrefix("/") ? destination : ((target as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
            exists = lstat(target, &info) == 0
            if exists, info.st_mode & S_IFMT == S_IFLNK { throw WriteFailure(path, reason: "is a symbolic link to a symbolic link") }
        }
        var mode: mode_t?
        if exists {
            if let input = inputs[FileIdentity(info)] { throw WriteFailure(path, reason: "is \(input) of this run") }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                throw WriteFailure(path, reason: "is a directory")
            case S_IFCHR where force && intoDevice:
                let fd = open(target, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
                guard fd >= 0 else { throw WriteFailure(path, errno: errno) }
                return Replacement(fd: fd, temporary: nil, target: target, name: path)
            case S_IFREG:
                if !force, !wroteByQyx(target) {
                    throw WriteFailure(path, reason: "the file exists and was not written by qyx (give --force to replace it)")
                }
                mode = info.st_mode & 0o7777
            default:
                throw WriteFailure(path, reason: "not a regular file")
            }
        } else if errno != ENOENT {
            throw WriteFailure(path, errno: errno)
        }
        let folder = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/." + base + ".qyx-XXXXXX").utf8CString)
        // mkstemp opens with O_EXCL and mode 0600; the mode is set before the rename.
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw WriteFailure(path, errno: errno) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if fchmod(fd, mode ?? (0o666 & ~Self.umask)) != 0 {
            let code = errno
            close(fd)
            unlink(temporary)
            throw WriteFailure(path, errno: code)
        }
        return Replacement(fd: fd, temporary: temporary, target: target, name: path)
    }

    /// `begin`, or the refusal reported and exit 1.
    static func beginOrExit(_ path: String, force: Bool, intoDevice: Bool = true, inputs: [FileIdentity: String],
                            wroteByQyx: (String) -> Bool) -> Replacement {
        do {
            return try begin(path, force: force, intoDevice: intoDevice, inputs: inputs, wroteByQyx: wroteByQyx)
        } catch {
            Terminal.error(error.description)
            Terminal.exitNow(1)
        }
    }

    /// Writes `text` into the new file and puts it in place, or reports why not (the target
    /// left as it was) and exits 1.
    func finishOrExit(writing text: String? = nil) {
        do {
            if let text { try writer.write(text) }
        } catch {
            abandon()
            Terminal.error(error.description)
            Terminal.exitNow(1)
        }
        do {
            try commit()
        } catch {
            Terminal.error(error.description)
            Terminal.exitNow(1)
        }
    }

    /// The temporary file's path, for writers that open it themselves (SQLite).
    var path: String { temporary ?? target }

    /// Makes the new file durable and puts it in place of the target.
    func commit() throws(WriteFailure) {
        guard let temporary else {
            close(fd)
            return
        }
        if fsync(fd) != 0 {
            let code = errno
            abandon()
            throw WriteFailure(name, errno: code)
        }
        close(fd)
        if rename(temporary, target) != 0 {
            let code = errno
            unlink(temporary)
            throw WriteFailure(name, errno: code)
        }
        // The rename itself is durable once the folder is.
        let folder = open((target as NSString).deletingLastPathComponent.isEmpty ? "." : (target as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Drops the temporary file: the target is left as it was.
    func abandon() {
        close(fd)
        if let temporary { unlink(temporary) }
    }

    /// The process's file-creation mask (umask(2) can only be read by setting it).
    private static let umask: mode_t = {
        let mask = Glibc.umask(0o022)
        Glibc.umask(mask)
        return mask
    }()
}
