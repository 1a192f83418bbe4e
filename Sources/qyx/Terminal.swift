import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Standard streams and what kind of device they are.
enum Terminal {
    static func isInteractive(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Columns of the terminal on standard output, or nil when it is not a terminal
    /// (then tables are not cut; COLUMNS still sets a width when exported).
    static func width() -> Int? {
        if let c = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(c), n > 0 { return n }
        guard isInteractive(STDOUT_FILENO) else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// Rows of the terminal on standard output.
    static func rows() -> Int? {
        guard isInteractive(STDOUT_FILENO) else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        return nil
    }

    /// Results on standard output; a failed write ends qyx with its reason (see OutputWriter).
    static func write(_ s: String) {
        OutputWriter.standardOutput.writeOrExit(s)
    }

    /// Ends the process at once, without the deinitializers of what is still alive (the
    /// database): the system frees it whole, where taking a million rows apart one array at a
    /// time took longer than the queries. Output is written unbuffered as it goes.
    static func exitNow(_ status: Int32) -> Never { exit(status) }

    /// A message on standard error. If even that cannot be written there is nobody to tell.
    static func error(_ s: String) {
        try? OutputWriter.standardError.write(s.hasSuffix("\n") ? s : s + "\n")
    }
}
