import QyxModel
import QyxStorage
import QyxText

/// What one call of the engine runs with: the statements' parameters, how they may be stopped,
/// and whether results cite their sources. Passed with each call, so that one engine serves
/// callers that want different ones, at the same time.
public struct ExecutionContext: Sendable {
    /// Values of `$name` in the statements.
    public var parameters: [String: Value]
    /// Seconds each statement may run before it is stopped with an error (nil: no limit).
    public var timeLimit: Double?
    /// Polled while a statement runs; returning true stops it with an "interrupted" error.
    public var shouldStop: (@Sendable () -> Bool)?
    /// A stop request spanning many statements (all of a render's queries); when set, it is used
    /// instead of a fresh `timeLimit` per statement.
    public var session: Cancellation?
    /// Reports cite every figure; queries elsewhere skip the cost of collecting sources.
    public var tracksProvenance: Bool

    public init(parameters: [String: Value] = [:], timeLimit: Double? = nil, shouldStop: (@Sendable () -> Bool)? = nil,
                session: Cancellation? = nil, tracksProvenance: Bool = false) {
        self.parameters = parameters
        self.timeLimit = timeLimit
        self.shouldStop = shouldStop
        self.session = session
        self.tracksProvenance = tracksProvenance
    }

    /// The stop request of one statement that starts now.
    func statementCancellation() -> Cancellation {
        if let session { return session }
        let stop = shouldStop
        return Cancellation(limit: timeLimit) { stop?() == true }
    }
}
