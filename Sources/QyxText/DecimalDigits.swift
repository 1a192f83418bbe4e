import Foundation

/// Decimal numerals as plans write them (`90`, `4.5`, `0.867`), read without `strtod`, and
/// numbers written back as the shortest faithful text.
public enum DecimalDigits {
    /// Shortest faithful decimal text: integral values print without a fraction.
    public static func text(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        // Sums and averages carry binary noise (0.1 + 0.2 = 0.30000000000000004); 15 significant
        // digits are what a double holds faithfully, so show no more than that.
        let shortest = String(d)
        guard significantDigits(shortest) > 15, let rounded = Double(String(format: "%.15g", d)) else { return shortest }
        return String(rounded)
    }

    /// Digits of a number's text, less leading zeros and the exponent: `0.0012e-5` has 2.
    static func significantDigits(_ text: String) -> Int {
        var count = 0, leading = true
        for b in text.utf8 {
            if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") { break }
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { continue }
            if leading && b == UInt8(ascii: "0") { continue }
            leading = false
            count += 1
        }
        return count
    }

    /// `Double(text)` for a text whose characters' codes are `codes`. Digits with at most one
    /// dot and at most 15 digits take Clinger's fast path: a mantissa below 2^53 over an exact
    /// power of ten, one correctly rounded division, which is the double `strtod` gives. Any
    /// other text (longer, an exponent, a second dot) is `Double(text())`.
    @inlinable
    public static func double(_ codes: some Sequence<UInt32>, orElse text: () -> String) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = -1  // digits after the dot; -1 before one
        for code in codes {
            if code &- 0x30 < 10 {
                guard digits < 15 else { return Double(text()) }
                mantissa = mantissa &* 10 &+ UInt64(code &- 0x30)
                digits += 1
                if fraction >= 0 { fraction += 1 }
            } else if code == 0x2E && fraction < 0 {
                fraction = 0
            } else {
                return Double(text())
            }
        }
        guard digits > 0 else { return Double(text()) }
        return Double(mantissa) / powersOfTen[max(fraction, 0)]
    }

    /// 10^0 … 10^15, each exactly a double.
    @usableFromInline static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]
}
