import Foundation
import Testing

/// Bad documents load what can be loaded, with warnings and errors naming file:line, and the
/// rest of the corpus still answers.
@Suite struct BadDocumentTests {
    static let corpus = ExampleTests.root.appendingPathComponent("Sources/QyxReaders/Resources/corpus")

    static func seed(_ name: String) throws -> String {
        try String(contentsOf: corpus.appendingPathComponent(name + ".txt"), encoding: .utf8)
    }

    /// Writes the bad documents and runs `qyx --docs FOLDER` on a count per document.
    static func load(_ files: [String: Data]) throws -> (out: String, err: String, status: Int32, folder: String) {
        let folder = try temporaryFolder()
        for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
        let r = try runQyx(["--docs", folder.path, "--format", "csv", "-c",
                            "select doc, count(*) as n from indicators group by doc; select count(*) from tasks where doc in ('shengsi-2024-work-points', 'shengsi-2025-work-points')"])
        return (r.out, r.err, r.status, folder.path)
    }

    /// The built-in corpus still answers in full.
    static let builtinCounts = "dongtou-2023-2027-plan,210\nshengsi-2024-work-points,28\nshengsi-2025-work-points,28\n"

    @Test func truncatedTablesLoadTheirCompleteRows() throws {
        let text = try Self.seed("dongtou-2023-2027-plan")
        // Cut inside a UTF-8 character in the middle of the table.
        let bytes = Array(text.utf8)
        // The first byte after the table's 3,000th that continues a multi-byte character.
        let cut = bytes.indices.first { $0 > bytes.firstIndex(of: UInt8(ascii: "|"))! + 3000 && (0x80...0xBF).contains(bytes[$0]) }!
        let r = try Self.load(["cut-dongtou.txt": Data(bytes[..<cut])])
        #expect(r.status == 0)
        let line = String(decoding: bytes[..<cut], as: UTF8.self).filter { $0 == "\n" }.count + 1
        #expect(line == 29)
        #expect(r.err == "\(r.folder)/cut-dongtou.txt:\(line): warning: the file ends inside a UTF-8 character (cut short?); the partial character is dropped\n", "\(r.err)")
        // The rows before the cut: 22 indicators × 6 years.
        #expect(r.out == "doc,n\ncut-dongtou,132\n" + Self.builtinCounts + "count(*)\n100\n")
    }

    @Test func rowsWithTooManyOrTooFewCellsAreSkippedWithWarnings() throws {
        var lines = try Self.seed("dongtou-2023-2027-plan").components(separatedBy: "\n")
        let rows = lines.indices.filter { lines[$0].filter { $0 == "|" }.count > 5 && !lines[$0].contains("序号") && !lines[$0].contains("---") }
        lines[rows[3]] += " extra | cells |"
        lines[rows[5]] = lines[rows[5]].components(separatedBy: "|").prefix(4).joined(separator: "|")
        let r = try Self.load(["cells-dongtou.txt": Data(lines.joined(separator: "\n").utf8)])
        #expect(r.status == 0)
        #expect(r.err == """
        \(r.folder)/cells-dongtou.txt:\(rows[3] + 1): warning: pipe table row has 11 cells where the header has 9; row skipped
        \(r.folder)/cells-dongtou.txt:\(rows[5] + 1): warning: pipe table row has 4 cells where the header has 9; row skipped

        """)
        // 35 indicators × 6 years, less the two skipped rows.
        #expect(r.out.hasPrefix("doc,n\ncells-dongtou,198\n"))
    }

    @Test func shuffledLinesLoadWhatStillReads() throws {
        var lines = try Self.seed("shengsi-2024-work-points").components(separatedBy: "\n")
        var generator = SplitMix(seed: 7)
        lines.shuffle(using: &generator)
        let r = try Self.load(["shuffled-2024.txt": Data(lines.joined(separator: "\n").utf8)])
        #expect(r.status == 0)
        #expect(r.out.contains(Self.builtinCounts))
    }

    @Test func binaryGBKAndEmptyFiles() throws {
        var generator = SplitMix(seed: 1)
        let binary = Data((0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let gbkBytes: [UInt8] = [0xC6, 0xDF, 0xD3, 0xC5, 0xCF, 0xED, 0x0A]  // 七优享 in GBK
        let latin1: [UInt8] = [0x63, 0x61, 0x66, 0xE9, 0x0A]  // café in Latin-1: not Chinese either
        let r = try Self.load(["binary.txt": binary, "gbk.txt": Data(gbkBytes), "latin1.txt": Data(latin1), "empty.txt": Data()])
        #expect(r.status == 0)
        #expect(r.err.contains("\(r.folder)/binary.txt:1: error: binary file (control byte"))
        #expect(r.err.contains("\(r.folder)/gbk.txt: note: read as GB18030 (converted with iconv)\n\(r.folder)/gbk.txt:1: warning: no table or numbered work item qyx knows was found; nothing but the document itself is loaded\n"))
        #expect(r.err.contains("\(r.folder)/latin1.txt:1: error: not UTF-8 text, nor GB18030/GBK/GB2312 Chinese (invalid UTF-8 byte 0xE9 at byte 3)\n"))
        #expect(r.err.contains("\(r.folder)/empty.txt:1: warning: empty file: nothing to load"))
        #expect(r.out == "doc,n\n" + Self.builtinCounts + "count(*)\n100\n")
    }
}

extension BadDocumentTests {
    /// A 50 MB file is refused or read without exhausting anything; here a 50 MB binary blob
    /// (the text case is measured in the README: the debug build used by tests reads ~0.3 MB/s).
    @Test func aFiftyMegabyteBinaryFile() throws {
        var generator = SplitMix(seed: 50)
        var bytes = [UInt8](repeating: 0, count: 50 * 1024 * 1024)
        for i in stride(from: 0, to: bytes.count, by: 8) {
            withUnsafeBytes(of: generator.next()) { word in
                for j in 0..<min(8, bytes.count - i) { bytes[i + j] = word[j] }
            }
        }
        let r = try Self.load(["huge.txt": Data(bytes)])
        #expect(r.status == 0)
        #expect(r.err.contains("\(r.folder)/huge.txt:1: error: binary file (control byte"))
        #expect(r.out.contains(Self.builtinCounts))
    }
}

/// A seeded generator, so shuffles and noise are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
