import Foundation

nonisolated(unsafe) private var interruptFlag: sig_atomic_t = 0

/// Ctrl-C: a handler that only records the request. Line reading returns, and a running query
/// polls `requested` and stops; the shell itself keeps going.
enum Interrupt {
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruptFlag = 1 }
        sigemptyset(&action.sa_mask)
        // No SA_RESTART: a read waiting for input returns so the line can be abandoned.
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have blocked SIGINT (test runners, some IDEs); the shell needs it.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    static var requested: Bool { interruptFlag != 0 }
    static func reset() { interruptFlag = 0 }
}
