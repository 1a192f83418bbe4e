#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on UTF-8 bytes. Foundation's `contains` goes through CFString and case
/// folding; loading a province of documents asks this question millions of times.
public enum TextSearch {
    public static func contains(_ text: String, _ needle: String) -> Bool {
        if needle.isEmpty { return true }
        var text = text, needle = needle
        return text.withUTF8 { t in
            needle.withUTF8 { n in
                guard t.count >= n.count, let tb = t.baseAddress, let nb = n.baseAddress else { return false }
                // In Chinese text nearly every third byte is E4–E9, so a first-byte match alone
                // calls memcmp constantly: check the last byte too before comparing the rest.
                let first = n[0], lastOffset = n.count - 1, last = n[lastOffset]
                var i = 0
                while i <= t.count - n.count {
                    if t[i] == first, t[i + lastOffset] == last, memcmp(tb + i, nb, n.count) == 0 { return true }
                    i += 1
                }
                return false
            }
        }
    }
}
