import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A write that failed: `qyx: cannot write FILE: REASON`, where FILE is `standard output` or a
/// path and REASON the system's text for the error (or why qyx refused the destination).
struct WriteFailure: Error, CustomStringConvertible {
    let name: String
    let reason: String

    init(_ name: String, reason: String) {
        self.name = name
        self.reason = reason
    }

    init(_ name: String, errno code: Int32) {
        self.init(name, reason: String(cString: strerror(code)))
    }

    var description: String { "qyx: cannot write \(name): \(reason)" }
}

/// The one way qyx writes results: standard output, `-o FILE`, the shell's `.output FILE` and
/// exports all go through it, so that a full disk or an I/O error is reported the same way
/// everywhere (and never traps, as FileHandle's write did).
struct OutputWriter {
    let fd: Int32
    /// How errors name the destination.
    let name: String

    static let standardOutput = OutputWriter(fd: STDOUT_FILENO, name: "standard output")
    static let standardError = OutputWriter(fd: STDERR_FILENO, name: "standard error")

    /// Writes all of `text`. A closed pipe on standard output (`qyx … | head`) ends qyx quietly:
    /// the reader has what it wanted.
    func write(_ text: String) throws(WriteFailure) {
        var text = text
        let code: Int32 = text.withUTF8 { bytes in
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                done += n
            }
            return 0
        }
        if code == EPIPE, fd == STDOUT_FILENO { Terminal.exitNow(0) }
        if code != 0 { throw WriteFailure(name, errno: code) }
    }

    /// Writes `text`, or reports the failure and exits 1: for the commands, whose output is all
    /// they are for.
    func writeOrExit(_ text: String) {
        do {
            try write(text)
        } catch {
            Terminal.error(error.description)
            Terminal.exitNow(1)
        }
    }
}
