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
        var hasher = Hasher()
        PlainText.withBytes(normalized) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        bytesHash = hasher.finalize()
    }

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
            PlainText.withBytes(b) { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }
}
