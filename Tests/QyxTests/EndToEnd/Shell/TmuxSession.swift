import Foundation

/// The real qyx binary in a real pseudo-terminal: a tmux session on a private server, driven
/// with send-keys and read with capture-pane.
final class TmuxSession {
    let socket = "qyx-test-\(UUID().uuidString.prefix(8))"
    let name = "qyx"

    /// Starts `qyx arguments` with only `environment` set (no locale unless given), its standard
    /// output on the terminal or in the file `output`.
    init(arguments: [String] = [], environment: [String: String], width: Int = 120, height: Int = 40, output: URL? = nil) throws {
        let binary = try qyxBinary().path
        let env = environment.map { "\($0.key)=\(Self.quote($0.value))" }.sorted().joined(separator: " ")
        let redirect = output.map { " > " + Self.quote($0.path) } ?? ""
        let command = "env -i \(env) \(Self.quote(binary)) \(arguments.map(Self.quote).joined(separator: " "))\(redirect); echo \"[exit status $?]\"; sleep 30"
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command], capture: false)
    }

    deinit { _ = try? tmux(["kill-server"]) }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs `tmux -L socket arguments` and returns its output. Spawned directly rather than
    /// through Foundation's Process: the first call forks the tmux server, which must inherit
    /// no descriptor of ours (another test's pipe would never see end-of-file), and Process did
    /// not reap the exiting tmux client on Linux, leaving the test waiting forever.
    @discardableResult
    func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw CLIError("pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        // closefrom is not visible to Swift; close what /proc says is open (actions run in order,
        // so the pipe is closed only after it was duplicated).
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap(Int32.init) where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        let argv = ["tmux", "-L", socket] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        // The test runner's blocked or ignored signals must not reach the shell under test.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigfillset(&defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, "tmux", &actions, &attributes, &cArgs, environ)
        close(fds[1])
        guard status == 0 else { close(fds[0]); throw CLIError("cannot start tmux: \(status)") }
        let output = FileHandle(fileDescriptor: fds[0], closeOnDealloc: true).readDataToEndOfFile()
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) == -1 && errno == EINTR {}
        return String(decoding: output, as: UTF8.self)
    }

    /// Types text literally (no key names).
    /// A trailing `;` is escaped: tmux would read it as its own command separator.
    func type(_ text: String) throws {
        let literal = text.hasSuffix(";") ? String(text.dropLast()) + "\\;" : text
        try tmux(["send-keys", "-t", name, "-l", literal])
    }

    /// Types each line and presses Enter after it.
    func submit(_ lines: String...) throws {
        for line in lines {
            try type(line)
            try press("Enter")
        }
    }

    /// Submits each line once the one before was answered (a new `qyx>` or `...>` prompt
    /// appeared), so nothing is typed ahead (and echoed by the terminal) while a result prints.
    func submitAndWait(_ lines: String...) throws {
        func prompts() throws -> Int {
            let all = try screen(history: true)
            return all.components(separatedBy: "\nqyx>").count + all.components(separatedBy: "\n...>").count
        }
        for line in lines {
            let before = try prompts()
            try submit(line)
            let deadline = Date().addingTimeInterval(20)
            while try prompts() <= before {
                guard Date() < deadline else { throw CLIError("no prompt after \(line.debugDescription)") }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// Presses keys by name: Enter, Tab, Up, C-c, C-d, C-r.
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    /// The visible screen; with `history`, everything that scrolled off it too.
    func screen(escapes: Bool = false, history: Bool = false) throws -> String {
        try tmux(["capture-pane", "-t", name, "-p"] + (escapes ? ["-e"] : []) + (history ? ["-S", "-"] : []))
    }

    /// Pastes `text` as a terminal paste does (each newline arrives as Enter).
    func paste(_ text: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qyx-paste-\(UUID().uuidString)")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try tmux(["load-buffer", file.path])
        try tmux(["paste-buffer", "-d", "-t", name])
    }

    /// Waits until the screen contains `text` (at most `seconds`); returns the screen.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 20) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw CLIError("timed out waiting for \(text.debugDescription); screen:\n\(last)")
    }

    /// Counts occurrences of `text` on the screen.
    func count(_ text: String) throws -> Int { try screen().components(separatedBy: text).count - 1 }
}
