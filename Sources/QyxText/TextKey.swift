import Foundation

/// A string as a dictionary key, hashed and compared over its UTF-8 bytes.
///
/// Swift hashes a non-ASCII String by normalizing it first, which made hashing the largest cost
/// of building a million-row database and of finding conflicts. The key holds the text in NFC
/// (plain text, see `PlainText`, already is), so two keys are equal exactly when their strings
/// are canonically equivalent: the same answer String's `==` gives, from a byte compare.
///
/// The hash is worked out once, when the key is made: a dictionary that grows rehashes every
/// key, and a key moved from one pool to another (a document's strings into the database's)
/// is hashed again; neither then reads the text.
public struct TextKey: Hashable, Sendable {
    /// The string in NFC.
    public let normalized: String
    /// Hash of the normalized bytes (seeded per process, like every Swift hash).
    public let bytesHash: Int

    @inlinable
    public init(_ s: String) {
        normalized = PlainText.isPlain(s) ? s : s.precomposedStringWithCanonicalMapping
        let seed = Self.seed
        bytesHash = PlainText.withBytes(normalized) { Self.hash(UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// A 64-bit multiply-and-fold hash, eight bytes a step (after wyhash). Hashing every distinct
    /// cell of a load through `Hasher`'s SipHash cost several times as much; the seed keeps it
    /// per process all the same.
    @inlinable
    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> Int {
        let k0 = Self.k0, k1 = Self.k1
        var h = seed
        var i = 0
        while i + 8 <= bytes.count {
            h = fold(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ k1, h ^ k0)
            i += 8
        }
        var tail: UInt64 = 0
        for j in i..<bytes.count { tail |= UInt64(bytes[j]) << (8 * UInt64(j - i)) }
        h = fold(tail ^ k1, h ^ k0)
        return Int(truncatingIfNeeded: fold(h ^ k1, UInt64(bytes.count) ^ k0))
    }

    /// The same hash of two words (a key made of ids).
    @inlinable
    package static func hash(_ a: UInt64, _ b: UInt64) -> Int { Int(truncatingIfNeeded: fold(a ^ seed, b ^ k1)) }

    /// wyhash's constants: odd, with bits spread evenly.
    @usableFromInline static let k0: UInt64 = 0xa076_1d64_78bd_642f
    @usableFromInline static let k1: UInt64 = 0xe703_7ed1_a0b4_28db

    /// The high and low halves of `a × b`, xored: every bit of the result depends on every bit
    /// of both.
    @inlinable
    static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// Drawn from `Hasher`'s per-process seed (so `SWIFT_DETERMINISTIC_HASHING` fixes it too).
    @usableFromInline
    static let seed: UInt64 = {
        var hasher = Hasher()
        hasher.combine(0x7179_78)
        return UInt64(truncatingIfNeeded: hasher.finalize())
    }()

    @inlinable
    public static func == (a: TextKey, b: TextKey) -> Bool { a.bytesHash == b.bytesHash && sameBytes(a.normalized, b.normalized) }

    @inlinable
    public func hash(into hasher: inout Hasher) { hasher.combine(bytesHash) }

    /// Do `a` and `b` hold the same bytes? (Enough for equal; canonically equivalent text in
    /// two spellings needs `TextKey`.)
    @inlinable
    public static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        return PlainText.withBytes(a) { x in
            // One string's storage shared by both (a document's region in each of its rows).
            PlainText.withBytes(b) { y in x.count == 0 || x.baseAddress == y.baseAddress || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }
}
