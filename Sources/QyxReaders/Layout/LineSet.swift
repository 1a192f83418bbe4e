/// Line numbers of one document (1-based), one flag a line. The readers ask of nearly every
/// line whether another reader has claimed it; through a `Set<Int>`, hashing each number was
/// a visible part of reading a document.
struct LineSet {
    private var flags: [Bool]

    /// No lines, or (`all`) every line of a document of `lineCount` lines.
    init(lineCount: Int, all: Bool = false) {
        flags = Array(repeating: all, count: lineCount + 1)
        flags[0] = false
    }

    func contains(_ n: Int) -> Bool { n > 0 && n < flags.count && flags[n] }

    mutating func insert(_ n: Int) {
        guard n > 0 else { return }
        if n >= flags.count { flags += repeatElement(false, count: n + 1 - flags.count) }
        flags[n] = true
    }

    mutating func remove(_ n: Int) { if n > 0 && n < flags.count { flags[n] = false } }

    mutating func formUnion(_ lines: some Sequence<Int>) { for n in lines { insert(n) } }
    mutating func subtract(_ lines: some Sequence<Int>) { for n in lines { remove(n) } }
    mutating func subtract(_ other: LineSet) { subtract(other.sorted) }

    /// The lines in the set, in order.
    var sorted: [Int] { flags.indices.filter { flags[$0] } }
}
