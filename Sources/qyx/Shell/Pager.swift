import Foundation
import QyxOutput

/// Sends results taller than the terminal through `$PAGER` (default `less -FRXK`: psql's `less -FRX`,
/// plus `-K` so that Ctrl-C leaves less at once instead of stopping at its prompt).
/// The pager is spawned into qyx's own foreground process group with the terminal on its
/// standard output, so it reads keys from the terminal; its standard input is a pipe.
final class Pager {
    /// The pager's shell command; nil when `PAGER` is set empty (print directly).
    let command: String?
    /// `.pager on|off`.
    var enabled = true
    private var warned = false

    init(environment: [String: String]) {
        let command = environment["PAGER"] ?? "less -FRXK"
        self.command = command.trimmingCharacters(in: .whitespaces).isEmpty ? nil : command
        childEnvironment = Self.environment(environment)
    }

    /// The environment the pager runs with: a UTF-8 locale when the user's sets none, so Chinese
    /// and box lines show instead of `<E2><94><80>`.
    private let childEnvironment: [String]

    static func environment(_ env: [String: String]) -> [String] {
        var env = env
        let locale = [env["LC_ALL"], env["LC_CTYPE"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty }
        if locale == nil {
            env["LC_ALL"] = "C.UTF-8"
            if env["LESSCHARSET"] == nil { env["LESSCHARSET"] = "utf-8" }
        }
        return env.map { "\($0.key)=\($0.value)" }
    }

    func show(_ text: String) {
        guard enabled, let command, Terminal.isInteractive(STDOUT_FILENO), let rows = Terminal.rows(),
              Self.isTaller(text, than: rows - 1, columns: Terminal.width() ?? 80) else {
            Terminal.write(text)
            return
        }
        guard run(command, text) else {
            if !warned {
                warned = true
                Terminal.error("warning: cannot start pager '\(command)'; printing directly")
            }
            Terminal.write(text)
            return
        }
    }

    /// Whether `text` takes at least `rows` screen rows, counting lines the terminal wraps.
    static func isTaller(_ text: String, than rows: Int, columns: Int) -> Bool {
        var used = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            used += max(1, (DisplayWidth.of(String(line)) + columns - 1) / max(columns, 1))
            if used >= rows { return true }
        }
        return false
    }

    /// Runs the pager through `/bin/sh -c` (so `PAGER='less -S'` or a pipeline works) and feeds it
    /// `text`; false when it could not be started. While it runs qyx ignores SIGINT: Ctrl-C
    /// reaches the pager, not the writer. The terminal's mode is restored after it.
    private func run(_ command: String, _ text: String) -> Bool {
        guard Self.canRun(command, path: ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") else { return false }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        // The pager gets default SIGINT and SIGPIPE, whatever qyx ignores.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), none = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGPIPE)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var mode = termios()
        let hasMode = tcgetattr(STDIN_FILENO, &mode) == 0
        var ignore = sigaction(), previous = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        sigaction(SIGINT, &ignore, &previous)
        defer {
            sigaction(SIGINT, &previous, nil)
            if hasMode { tcsetattr(STDIN_FILENO, TCSADRAIN, &mode) }
        }

        var argv: [UnsafeMutablePointer<CChar>?] = [String](["sh", "-c", command]).map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = childEnvironment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &argv, &envp)
        close(fds[0])
        guard spawned == 0 else { close(fds[1]); return false }
        // `q` closes the pipe: the write ends with EPIPE.
        try? OutputWriter(fd: fds[1], name: "the pager").write(text)
        close(fds[1])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // Killed by Ctrl-C: the terminal echoed ^C; the prompt goes on the next line.
        if status & 0x7F != 0 && status & 0x7F != 0x7F { Terminal.write("\n") }
        return true
    }

    /// Whether the command's program exists, when it is a plain word (a pipeline or anything
    /// else the shell must interpret is left to `/bin/sh`).
    static func canRun(_ command: String, path: String) -> Bool {
        guard let program = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init),
              !program.contains(where: { "|&;<>()$`\\\"'=*?[]{}~#".contains($0) }) else { return true }
        if program.contains("/") { return access(program, X_OK) == 0 }
        return path.split(separator: ":").contains { access("\($0)/\(program)", X_OK) == 0 }
    }
}
