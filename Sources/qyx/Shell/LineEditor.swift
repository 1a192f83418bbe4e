import CLibEdit
import Foundation
import LineEditing

/// The prompt libedit shows; libedit asks for it through a C callback, so it lives in a global.
nonisolated(unsafe) private var promptBuffer: UnsafeMutablePointer<CChar>? = strdup("qyx> ")
/// The completer the Tab key reaches through libedit's C callback.
nonisolated(unsafe) var activeCompleter: Completer?

private let promptCallback: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = { _ in promptBuffer }

private let completeCallback: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { el, _ in
    guard let el, let info = el_line(el)?.pointee, let completer = activeCompleter else { return UInt8(CC_ERROR) }
    // The line up to the cursor, as UTF-8.
    let length = info.cursor - info.buffer
    let bytes = UnsafeRawBufferPointer(start: info.buffer, count: max(0, length))
    let before = String(decoding: bytes, as: UTF8.self)
    let outcome = completer.complete(before)
    if !outcome.insertion.isEmpty {
        if outcome.replacing > 0 { el_deletestr(el, Int32(outcome.replacing)) }
        _ = outcome.insertion.withCString { el_insertstr(el, $0) }
        return UInt8(CC_REFRESH)
    }
    if outcome.candidates.count > 1 {
        Terminal.write("\n" + Completer.layout(outcome.candidates, width: Terminal.width() ?? 80))
        return UInt8(CC_REDISPLAY)
    }
    return UInt8(CC_REFRESH_BEEP)
}

/// Line editing with libedit: emacs keys, arrow-key history, Ctrl-R search, Tab completion,
/// and a history file kept between runs.
final class LineEditor {
    private let editor: OpaquePointer
    private let history: OpaquePointer
    private var historyFile: HistoryFile?
    private var historyWarningShown = false
    private var lastEntry: String?

    init?(historyPath: String?) {
        guard let history = qyx_history_open(Int32(Self.historySize)) else { return nil }
        guard let editor = qyx_editor_open("qyx", history, promptCallback, completeCallback) else {
            qyx_history_close(history)
            return nil
        }
        self.history = history
        self.editor = editor
        historyFile = historyPath.map { HistoryFile(path: $0, limit: Self.historySize) }
        do {
            try historyFile?.load(into: history)
        } catch {
            warn(error)
        }
    }

    deinit {
        el_end(editor)
        qyx_history_close(history)
    }

    func setPrompt(_ prompt: String) {
        free(promptBuffer)
        promptBuffer = strdup(prompt)
    }

    enum Input {
        case line(String)
        case interrupted
        case endOfFile
    }

    /// One line from the user (without its newline).
    func read() -> Input {
        var count: Int32 = 0
        Interrupt.reset()
        // libedit hears SIGWINCH only while it reads: the terminal may have been resized in a pager.
        el_resize(editor)
        guard let raw = el_gets(editor, &count) else {
            if Interrupt.requested || (count == -1 && errno == EINTR) { return .interrupted }
            return .endOfFile
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    static let historySize = 1000

    /// Adds a statement to the history, as one entry even over several lines, and appends it to
    /// the file (mode 0600); a file that cannot be written is reported once and otherwise ignored.
    func remember(_ statement: String) {
        // libedit keeps no repeat of the entry before; neither does the file.
        guard statement != lastEntry else { return }
        lastEntry = statement
        _ = qyx_history_enter(history, statement)
        do {
            try historyFile?.append(statement)
        } catch {
            warn(error)
        }
    }

    private func warn(_ failure: HistoryFile.Failure) {
        guard !historyWarningShown, let historyFile else { return }
        historyWarningShown = true
        switch failure {
        case .symlink:
            Terminal.error("warning: history file \(historyFile.path) is a symbolic link; history will not be saved")
            self.historyFile = nil
        case .unwritable:
            Terminal.error("warning: cannot write history to \(historyFile.path); this session's history will not be kept")
        }
    }

    /// $XDG_STATE_HOME/qyx/history, else ~/.local/state/qyx/history.
    static func defaultHistoryPath() -> String? {
        let env = ProcessInfo.processInfo.environment
        if let state = env["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/qyx/history" }
        guard let home = env["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/qyx/history"
    }
}
