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
    let historyPath: String?
    private var historyWarningShown = false

    init?(historyPath: String?) {
        guard let history = qyx_history_open(1000) else { return nil }
        guard let editor = qyx_editor_open("qyx", history, promptCallback, completeCallback) else {
            qyx_history_close(history)
            return nil
        }
        self.history = history
        self.editor = editor
        self.historyPath = historyPath
        if let historyPath, FileManager.default.fileExists(atPath: historyPath) {
            _ = qyx_history_load(history, historyPath)
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
        guard let raw = el_gets(editor, &count) else {
            if Interrupt.requested || (count == -1 && errno == EINTR) { return .interrupted }
            return .endOfFile
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Adds a statement to the history and saves the file (mode 0600); a file that cannot be
    /// written is reported once and otherwise ignored.
    func remember(_ statement: String) {
        let flat = statement.split(whereSeparator: \.isNewline).joined(separator: " ")
        _ = qyx_history_enter(history, flat)
        guard let historyPath else { return }
        let url = URL(fileURLWithPath: historyPath)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            if !FileManager.default.fileExists(atPath: historyPath) {
                guard FileManager.default.createFile(atPath: historyPath, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw CocoaError(.fileWriteNoPermission)
                }
            }
            guard qyx_history_save(history, historyPath) >= 0 else { throw CocoaError(.fileWriteNoPermission) }
            chmod(historyPath, 0o600)
        } catch {
            if !historyWarningShown {
                historyWarningShown = true
                Terminal.error("warning: cannot write history to \(historyPath); this session's history will not be kept")
            }
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
