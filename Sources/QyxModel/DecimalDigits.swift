/// Decimal numerals as plans write them (`90`, `4.5`, `0.867`), read without `strtod`.
public enum DecimalDigits {
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
