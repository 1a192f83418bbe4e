import Dispatch

/// Work spread over every core, with results kept in input order so that what is built does
/// not depend on the number of cores or on which finished first.
public enum Parallel {
    /// `body(0) … body(count - 1)`, run concurrently; the results in index order.
    public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        let slots = Slots<T>(count)
        slots.items.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let body = body
                DispatchQueue.concurrentPerform(iterations: count) { i in buffer[i] = body(i) }
            }
        }
        return slots.items.map { $0! }
    }

    /// Each slot is written by exactly one iteration, and read after all of them finish.
    private final class Slots<T>: @unchecked Sendable {
        var items: [T?]
        init(_ n: Int) { items = Array(repeating: nil, count: n) }
    }
}
