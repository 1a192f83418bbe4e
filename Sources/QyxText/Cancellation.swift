import Foundation

/// When a long loop has to stop: a deadline passed, or someone (Ctrl-C) asked. One value is made
/// per statement, load or render and handed down to every loop that can run long; loops ask
/// `stopped()` every thousand cheap steps or before each costly one (it reads the clock once).
/// `@unchecked`: `interrupted` is the shell's read of its signal flag, safe from any thread.
public struct Cancellation: @unchecked Sendable {
    /// The limit in seconds the deadline was set from, for the message; nil: no limit.
    public let limit: Double?
    let deadline: Double
    let interrupted: () -> Bool

    /// Never stops.
    public static let none = Cancellation(limit: nil)

    /// Stops `limit` seconds from now (nil: never), or as soon as `interrupted` returns true.
    public init(limit: Double?, interrupted: @escaping () -> Bool = { false }) {
        self.limit = limit
        self.deadline = limit.map { ProcessInfo.processInfo.systemUptime + $0 } ?? .infinity
        self.interrupted = interrupted
    }

    /// What stopped the work, or nil to go on.
    public func stopped() -> Stop? {
        if interrupted() { return .interrupted }
        if let limit, ProcessInfo.processInfo.systemUptime > deadline { return .timedOut(limit) }
        return nil
    }

    /// The reason a loop stopped early.
    public enum Stop: Sendable, Equatable {
        case interrupted
        case timedOut(Double)

        /// What the user reads; `option` names the flag that raises the limit.
        public func message(option: String = "--timeout") -> String {
            switch self {
            case .interrupted: return "interrupted"
            case .timedOut(let limit): return "stopped after \(DecimalDigits.text(limit)) s, the time limit (\(option) raises it)"
            }
        }
    }
}
