import Dispatch
import Foundation
import Synchronization

/// Work spread over every core, with results kept in input order so that what is built does
/// not depend on the number of cores or on which finished first.
public enum Parallel {
    /// `body(0) … body(count - 1)`, run concurrently; the results in index order.
    public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        let slots = Slots<T>(count)
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: count) { i in slots.put(body(i), at: i) }
        }
        return (0..<count).map { slots.take($0) }
    }

    /// `make(0) … make(count - 1)` on every core, each result handed to `take` on the calling
    /// thread in index order as soon as it and those before it are made, while later ones are
    /// still being made. No more than `window` results are made ahead of `take`.
    ///
    /// A stream rather than batches: a batch waits for its slowest item while a core idles,
    /// and with two cores a few hundred such waits were a visible part of a load.
    public static func stream<T>(_ count: Int, window: Int = 64, make: @escaping @Sendable (Int) -> T, take: (T) -> Void) {
        guard count > 0 else { return }
        let slots = Slots<T>(count)
        let made = (0..<count).map { _ in DispatchSemaphore(value: 0) }
        let room = DispatchSemaphore(value: max(1, window))
        let next = Atomic<Int>(0)
        let workers = DispatchGroup()
        for _ in 0..<min(count, ProcessInfo.processInfo.activeProcessorCount) {
            DispatchQueue.global().async(group: workers) {
                while true {
                    room.wait()
                    let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard i < count else { room.signal(); return }
                    slots.put(make(i), at: i)
                    made[i].signal()
                }
            }
        }
        for i in 0..<count {
            made[i].wait()
            take(slots.take(i))
            room.signal()
        }
        workers.wait()
    }

    /// Each slot is written by exactly one task, and read once after it is written (a
    /// semaphore or the end of `concurrentPerform` orders the two).
    private final class Slots<T>: @unchecked Sendable {
        private let items: UnsafeMutablePointer<T?>
        private let count: Int

        init(_ count: Int) {
            self.count = count
            items = .allocate(capacity: count)
            items.initialize(repeating: nil, count: count)
        }

        deinit {
            items.deinitialize(count: count)
            items.deallocate()
        }

        func put(_ item: T, at i: Int) { items[i] = item }
        func take(_ i: Int) -> T { items[i].take()! }
    }
}
