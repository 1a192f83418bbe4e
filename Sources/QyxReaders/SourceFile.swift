import Foundation

/// A document's text split into lines, with the name it is cited by.
public struct SourceFile: Sendable {
    /// Document id: the file name without its extension.
    public let id: String
    /// Path or name used in diagnostics.
    public let path: String
    /// The last component of `path`.
    public var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }
    /// Lines without their terminators; `lines[0]` is line 1.
    public let lines: [String]
    /// The file ended inside a UTF-8 character (a cut copy); the partial character was dropped.
    public var truncatedCharacter = false
    /// A hash of the bytes decoded (after any BOM), so that the same text under two names is
    /// noticed; 0 for text not read from bytes.
    public var contentHash = 0
    /// The encoding the text was converted from, when it was not UTF-8 (`GB18030`).
    public var convertedFrom: String?

    public init(id: String, path: String, text: String) {
        self.id = id
        self.path = path
        self.lines = Self.lines(of: text)
    }

    /// `text` split into lines at `\r\n`, a lone `\r` and `\n` alike, so that files written on
    /// Windows or classic Mac OS number their lines as an editor does. An empty last line is
    /// dropped. Cut on bytes: a break is never inside a multi-byte character.
    static func lines(of text: String) -> [String] {
        var text = text
        // (start, end) byte offsets of each line, terminators excluded.
        let spans: [(Int, Int)] = text.withUTF8 { bytes in
            var spans: [(Int, Int)] = []
            var start = 0, i = 0
            while i < bytes.count {
                switch bytes[i] {
                case 0x0A:
                    spans.append((start, i)); i += 1; start = i
                case 0x0D:
                    spans.append((start, i))
                    i += i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
                    start = i
                default: i += 1
                }
            }
            spans.append((start, bytes.count))
            return spans
        }
        // Slices of valid text are copied without validating them again.
        let u = text.utf8
        var lines: [String] = []
        lines.reserveCapacity(spans.count)
        var index = u.startIndex, at = 0
        for (start, end) in spans {
            let from = u.index(index, offsetBy: start - at)
            let to = u.index(from, offsetBy: end - start)
            lines.append(String(text[from..<to]))
            index = to; at = end
        }
        if lines.last!.isEmpty { lines.removeLast() }
        return lines
    }

    /// Reads `url` as UTF-8; anything else is an error that names the file and the first bad byte.
    /// Only a regular file is read: a FIFO, a device or a socket is refused before reading
    /// (opened without blocking, so a FIFO with no writer cannot hang the load).
    public static func read(_ url: URL) throws -> SourceFile {
        let fd = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw ReadError(path: url.path, line: nil, message: "cannot read file: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw ReadError(path: url.path, line: nil, message: "cannot read file: \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw ReadError(path: url.path, line: nil, message: info.st_mode & S_IFMT == S_IFDIR ? "is a directory" : "not a regular file")
        }
        let size = Int(info.st_size)
        var code: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let n = Glibc.read(fd, buffer.baseAddress! + count, size - count)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { code = n < 0 ? errno : 0; break }
                count += n
            }
        }
        if code != 0 { throw ReadError(path: url.path, line: nil, message: "cannot read file: \(String(cString: strerror(code)))") }
        return try decode(Data(bytes), path: url.path, id: url.deletingPathExtension().lastPathComponent)
    }

    public static func decode(_ data: Data, path: String, id: String) throws -> SourceFile {
        var bytes = Array(data)
        if let wide = wideEncoding(bytes) {
            throw ReadError(path: path, line: nil, message: "\(wide) text: convert with iconv -f \(wide) -t UTF-8")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // Control bytes other than tab, newline and carriage return mean a binary file, not text
        // in another encoding.
        let isControl = { (b: UInt8) in b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D }
        if let first = bytes.firstIndex(where: isControl),
           bytes.contains(0) || bytes[first...].lazy.filter(isControl).count * 100 >= bytes.count {
            let line = bytes[..<first].filter { $0 == 0x0A }.count + 1
            throw ReadError(path: path, line: line, message: "binary file (control byte 0x\(String(format: "%02X", bytes[first])) at byte \(first)), not a text document")
        }
        var truncated = false
        var text = String(validating: bytes, as: UTF8.self)
        if text == nil, let cut = incompleteTail(bytes) {
            bytes.removeLast(cut)
            truncated = true
            text = String(validating: bytes, as: UTF8.self)
        }
        var convertedFrom: String?
        if text == nil, let converted = ChineseText.utf8(fromGB18030: bytes) {
            bytes = converted
            text = String(validating: bytes, as: UTF8.self)
            convertedFrom = "GB18030"
        }
        guard let text else {
            let (offset, line) = firstInvalidUTF8(bytes)
            throw ReadError(path: path, line: line,
                            message: "not UTF-8 text, nor GB18030/GBK/GB2312 Chinese (invalid UTF-8 byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at byte \(offset))")
        }
        var file = SourceFile(id: id, path: path, text: text)
        file.truncatedCharacter = truncated
        file.convertedFrom = convertedFrom
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        file.contentHash = hasher.finalize()
        return file
    }

    /// "UTF-16" or "UTF-32" when the bytes are text in one of them: a byte-order mark, or NUL
    /// bytes that fall (nearly) only where those encodings put the zero half of ASCII and BMP
    /// characters. Random binary has its NULs anywhere.
    static func wideEncoding(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return "UTF-32" }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
        let head = bytes.prefix(4096)
        var zeros = [0, 0, 0, 0]
        for (i, b) in head.enumerated() where b == 0 { zeros[i % 4] += 1 }
        let total = zeros.reduce(0, +)
        guard total >= 8 else { return nil }
        // BMP text in UTF-32 has two zero bytes in every four, and the character in the others.
        let most = head.count / 4 * 9 / 10
        if zeros[2] >= most, zeros[3] >= most, zeros[0] < most { return "UTF-32" }
        if zeros[0] >= most, zeros[1] >= most, zeros[3] < most { return "UTF-32" }
        let odd = zeros[1] + zeros[3], even = zeros[0] + zeros[2]
        if odd * 20 >= total * 19 || even * 20 >= total * 19 { return "UTF-16" }
        return nil
    }

    /// How many bytes at the end start a UTF-8 character that the file cuts off, if that is all
    /// that is wrong.
    static func incompleteTail(_ bytes: [UInt8]) -> Int? {
        for cut in 1...3 where cut <= bytes.count {
            let lead = bytes[bytes.count - cut]
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
            if length > cut, String(validating: bytes.dropLast(cut), as: UTF8.self) != nil { return cut }
            if lead < 0x80 || lead >= 0xC0 { break }
        }
        return nil
    }

    /// Offset of the first byte that breaks UTF-8, and its 1-based line.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
        var i = 0
        var line = 1
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (i, line)
            }
            if i + length > bytes.count { return (i, line) }
            let sequence = Array(bytes[i..<i + length])
            if length > 1, String(validating: sequence, as: UTF8.self) == nil { return (i, line) }
            // Lines are counted as `lines(of:)` counts them: CR LF, a lone CR and LF each end one.
            if b == 0x0A && (i == 0 || bytes[i - 1] != 0x0D) || b == 0x0D { line += 1 }
            i += length
        }
        return (max(0, bytes.count - 1), line)
    }

    public subscript(line number: Int) -> String { lines[number - 1] }
}

/// A document that cannot be read at all.
public struct ReadError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let line: Int?
    public let message: String
    public var description: String { (line.map { "\(path):\($0)" } ?? path) + ": error: " + message }
}
