/// Refuses regular expressions that can take exponential time on a backtracking engine: a
/// repeated group that itself repeats, such as `(a+)+` or `(x*|y)*`. Such a pattern on one long
/// cell would hang the query where no row limit or Ctrl-C can reach it.
enum RegexGuard {
    /// Longest pattern accepted, in UTF-16 units.
    static let maximumLength = 256

    /// The offending `(…)+` fragment, or nil when the pattern is safe.
    static func nestedRepetition(in pattern: String) -> String? {
        let chars = Array(pattern)
        // For each open group: where it starts and whether something inside repeats unboundedly.
        var groups: [(start: Int, repeats: Bool)] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\":
                i += 2
                continue
            case "[":
                // A character class: skip to its closing bracket.
                i += 1
                if i < chars.count, chars[i] == "^" { i += 1 }
                if i < chars.count, chars[i] == "]" { i += 1 }
                while i < chars.count, chars[i] != "]" { i += chars[i] == "\\" ? 2 : 1 }
            case "(":
                groups.append((i, false))
            case ")":
                guard let group = groups.popLast() else { break }
                let quantified = i + 1 < chars.count && isUnbounded(chars, at: i + 1)
                if quantified && group.repeats {
                    return String(chars[group.start...min(i + 1, chars.count - 1)])
                }
                if (quantified || group.repeats), !groups.isEmpty { groups[groups.count - 1].repeats = true }
            case "+", "*":
                if !groups.isEmpty { groups[groups.count - 1].repeats = true }
            case "{":
                if isUnbounded(chars, at: i), !groups.isEmpty { groups[groups.count - 1].repeats = true }
            default:
                break
            }
            i += 1
        }
        return nil
    }

    /// `+`, `*` or `{n,}` at `i`.
    static func isUnbounded(_ chars: [Character], at i: Int) -> Bool {
        if chars[i] == "+" || chars[i] == "*" { return true }
        guard chars[i] == "{" else { return false }
        var j = i + 1
        while j < chars.count, chars[j].isNumber { j += 1 }
        return j + 1 < chars.count && chars[j] == "," && chars[j + 1] == "}"
    }
}
