import CPCRE2

/// A regular expression for `~`, compiled once per statement by PCRE2 (UTF-8 with Unicode
/// properties, so `\w` and `\d` know Chinese text as Foundation's engine did) and matched with a
/// step budget: a pattern that would backtrack exponentially gives up after `stepLimit` steps
/// with an error, in well under a tenth of a second, instead of running for hours.
final class Pattern {
    /// Backtracking steps one match may take: some 40 ms of PCRE2's work, so that a stop request
    /// checked between matches is seen within 100 ms. Ordinary patterns need a few thousand.
    static let stepLimit: UInt32 = 500_000
    /// Longest pattern accepted, in characters: no pattern an analyst writes is longer.
    static let maximumLength = 1_000

    let source: String
    private let code: OpaquePointer
    private let context: OpaquePointer
    private let matchData: OpaquePointer

    /// What one match found.
    enum Outcome { case match, noMatch, gaveUp }

    /// Compiles `source`; nil when it is not a valid pattern.
    init?(_ source: String) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compiled = source.utf8CString.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: UInt8.self) { bytes in
                pcre2_compile_8(bytes.baseAddress, bytes.count - 1, PCRE2_UTF | PCRE2_UCP, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else { return nil }
        self.source = source
        code = compiled
        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, Self.stepLimit)
        pcre2_set_depth_limit_8(context, Self.stepLimit)
        matchData = pcre2_match_data_create_from_pattern_8(code, nil)
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
        pcre2_code_free_8(code)
    }

    func match(_ text: String) -> Outcome {
        var text = text
        // An empty string may have no storage; PCRE2 wants a pointer even for no bytes.
        let rc = text.isEmpty ? [UInt8(0)].withUnsafeBufferPointer { run($0.baseAddress!, 0) }
            : text.withUTF8 { run($0.baseAddress!, $0.count) }
        if rc >= 0 { return .match }
        return rc == PCRE2_ERROR_NOMATCH ? .noMatch : .gaveUp
    }

    private func run(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
        // Swift strings are valid UTF-8: PCRE2 need not check each subject again.
        pcre2_match_8(code, bytes, count, 0, PCRE2_NO_UTF_CHECK, matchData, context)
    }
}
