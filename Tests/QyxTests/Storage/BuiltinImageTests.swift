import Foundation
@testable import QyxLanguage
import QyxReaders
import QyxModel
import Testing
@testable import QyxStorage

/// The built-in corpus ships as a database image (Sources/qyx/Resources/builtin.qyximage) so that
/// qyx starts without parsing. These tests keep it equal to what the readers make of the
/// documents, and show that a damaged image is refused, never misread.
@Suite struct BuiltinImageTests {
    static let imageURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/qyx/Resources/builtin.qyximage")

    @Test func shippedImageMatchesTheDocuments() throws {
        let fresh = DatabaseImage.write(builtinEngine.database)
        if ProcessInfo.processInfo.environment["QYX_RECORD_IMAGE"] == "1" {
            try Data(fresh).write(to: Self.imageURL)
        }
        let shipped = try [UInt8](Data(contentsOf: Self.imageURL))
        // Compared as a Bool: a failed expectation on the arrays prints megabytes of bytes.
        let same = shipped == fresh
        #expect(same, "builtin.qyximage is stale (\(shipped.count) bytes, documents give \(fresh.count)); refresh it with QYX_RECORD_IMAGE=1 swift test --filter BuiltinImageTests")
    }

    @Test func imageReadsBackToTheSameDatabase() throws {
        let original = builtinEngine.database
        let bytes = DatabaseImage.write(original)
        let copy = try DatabaseImage.read(bytes)
        #expect(DatabaseImage.write(copy) == bytes)
        #expect(copy.corpus.documents == original.corpus.documents)
        #expect(copy.corpus.diagnostics == original.corpus.diagnostics)
        for entity in EntityKind.allCases {
            let a = original.table(entity), b = copy.table(entity)
            #expect(a.count == b.count, "\(entity)")
            #expect(a.documentRow == b.documentRow, "\(entity)")
            for (ca, cb) in zip(a.columns, b.columns) {
                let left = (0..<a.count).map { ca.value($0, original.pool) }
                let right = (0..<b.count).map { cb.value($0, copy.pool) }
                #expect(left == right, "\(entity).\(ca.spec.name)")
            }
        }
        #expect(copy.pool.id(of: "嵊泗县") == original.pool.id(of: "嵊泗县"))
    }

    /// A load puts each document into columns on the thread that read it and appends the parts
    /// in order: the database holds the same rows as one built from the whole model at once, and
    /// the conflicts found from its columns are the model's own.
    @Test func databaseBuiltFromDocumentPartsEqualsOneBuiltFromTheModel() throws {
        let streamed = streamedDatabase(CorpusLoader.builtinFiles), whole = Database(builtin)
        #expect(streamed.corpus.documents == whole.corpus.documents)
        #expect(streamed.corpus.diagnostics == whole.corpus.diagnostics)
        for entity in EntityKind.allCases {
            #expect(rows(of: entity, in: streamed) == rows(of: entity, in: whole), "\(entity)")
        }
        #expect(rows(of: .conflicts, in: whole) == builtin.conflicts.map(\.values))
        #expect(builtin.conflicts.count >= 3)
    }

    /// The conflicts table is built in pieces on all cores, each with strings of its own: one
    /// conflict per piece gives the table one piece gives.
    @Test func conflictsBuiltInPiecesEqualOneBuiltInOnePiece() throws {
        func database(conflictPieceRows: Int) -> Database {
            var builder = Database.Builder()
            builder.append(Database.Part(builtin))
            return builder.finish(conflictPieceRows: conflictPieceRows)
        }
        let inPieces = database(conflictPieceRows: 1), onePiece = database(conflictPieceRows: .max)
        #expect(inPieces.count(.conflicts) >= 3)
        #expect(rows(of: .conflicts, in: inPieces) == rows(of: .conflicts, in: onePiece))
        #expect(DatabaseImage.write(inPieces) == DatabaseImage.write(onePiece))
    }

    @Test func damagedImagesAreRefused() throws {
        let bytes = DatabaseImage.write(builtinEngine.database)
        // Cut anywhere: every prefix is refused with a reason.
        for cut in stride(from: 0, to: bytes.count, by: 1_009) {
            #expect(throws: DatabaseImage.Invalid.self) { try DatabaseImage.read(Array(bytes[..<cut])) }
        }
        var wrongMagic = bytes
        wrongMagic[0] = UInt8(ascii: "X")
        let magic = #expect(throws: DatabaseImage.Invalid.self) { try DatabaseImage.read(wrongMagic) }
        #expect(magic?.description == "not a qyx database image")
        var otherVersion = bytes
        otherVersion[8] = 99
        let version = #expect(throws: DatabaseImage.Invalid.self) { try DatabaseImage.read(otherVersion) }
        #expect(version?.description == "image format 99, this qyx reads 1")
        let trailing = #expect(throws: DatabaseImage.Invalid.self) { try DatabaseImage.read(bytes + [0, 0]) }
        #expect(trailing?.description == "2 bytes after the last table")
    }

    /// The real binary answers the same from the image as from the documents read afresh.
    @Test func binaryAnswersFromTheImageAsFromTheDocuments() throws {
        let documents = Self.imageURL.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("QyxReaders/Resources/corpus").path
        let statements = EntityKind.allCases.map { "select * from \($0.rawValue);" }.joined(separator: "\n")
            + "\ncompare indicators by year where region = 嵊泗县;"
        let fromImage = try runQyx(["--format", "jsonl", "--timer", "-c", statements])
        let fromDocuments = try runQyx(["--format", "jsonl", "--no-builtin", "--docs", documents, "-c", statements])
        #expect(fromImage.status == 0 && fromDocuments.status == 0)
        #expect(fromImage.out == fromDocuments.out)
        let rows = EntityKind.allCases.map { builtinEngine.database.count($0) }.reduce(0, +)
        let compared = try query("compare indicators by year where region = 嵊泗县").rows.count
        #expect(rows == 1020 && compared == 38)
        #expect(fromImage.out.split(separator: "\n").count == rows + compared)
        #expect(fromDocuments.err == "")
        #expect(fromImage.err.hasPrefix("Load Time: "))
        #expect(!fromImage.err.contains("warning"))
    }
}
