#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text in the national encodings of Chinese, GB2312, GBK and GB18030: each is a subset of the
/// next, so one GB18030 conversion reads all three. Converted with the C library's iconv.
enum ChineseText {
    /// The bytes as UTF-8 when they are GB18030 throughout and read as Chinese text: nearly
    /// every non-ASCII character a CJK ideograph or CJK punctuation / full-width form. Invalid
    /// UTF-8 that converts but reads as something else (Latin-1 accents, random bytes) is not
    /// taken for Chinese.
    static func utf8(fromGB18030 bytes: [UInt8]) -> [UInt8]? {
        guard let converted = convert(bytes) else { return nil }
        var nonASCII = 0, chinese = 0
        for scalar in String(decoding: converted, as: UTF8.self).unicodeScalars where !scalar.isASCII {
            nonASCII += 1
            switch scalar.value {
            case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF00...0xFFEF, 0x2010...0x206F, 0x2160...0x2187, 0x2460...0x24FF:
                chinese += 1
            default: break
            }
        }
        return nonASCII > 0 && chinese * 10 >= nonASCII * 9 ? converted : nil
    }

    /// iconv GB18030 → UTF-8; nil when a byte sequence is not GB18030 or the file ends inside one.
    static func convert(_ bytes: [UInt8]) -> [UInt8]? {
        let cd = iconv_open("UTF-8", "GB18030")
        guard let cd, cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        // A GB18030 character is at most 4 bytes and becomes at most 4 bytes of UTF-8; a 2-byte
        // one becomes 3: twice the input is always room enough.
        var out = [UInt8](repeating: 0, count: bytes.count * 2 + 4)
        var input = bytes
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            out.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count, outLeft = outBuffer.count
                guard iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let written else { return nil }
        return Array(out.prefix(written))
    }
}
