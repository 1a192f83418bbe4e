import Foundation
import Testing

/// The history file is never followed through a symlink, and shells sharing it keep each
/// other's entries.
extension ShellTests {
    var historyFile: URL { state.appendingPathComponent("state/qyx/history") }

    /// Types a statement, waits for its answer, and leaves the shell.
    func runAndLeave(_ t: TmuxSession, _ statement: String, answer: String) throws {
        try t.submit(statement)
        try t.waitFor(answer)
        try t.press("C-d")
        try t.waitFor("[exit status 0]")
    }

    @Test func aSymlinkedHistoryIsNotFollowed() throws {
        let target = state.appendingPathComponent("precious.txt")
        let original = Data("_HiStOrY_V2_\nkeep\\040me\n".utf8)
        try original.write(to: target)
        let before = try FileManager.default.attributesOfItem(atPath: target.path)
        try FileManager.default.createDirectory(at: historyFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: historyFile, withDestinationURL: target)
        // Wide enough for the warning's long temporary path on one line.
        let t = try TmuxSession(environment: environment, width: 250)
        let screen = try t.waitFor("qyx>")
        #expect(screen.hasPrefix("warning: history file \(historyFile.path) is a symbolic link; history will not be saved\nqyx — "), "\(screen)")
        try runAndLeave(t, "select count(*) as n from reforms;", answer: "22\n(1 row)")
        #expect(try t.count("symbolic link") == 1)
        #expect(try Data(contentsOf: target) == original)
        let after = try FileManager.default.attributesOfItem(atPath: target.path)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: historyFile.path) == target.path)
    }

    @Test func twoShellsSharingHistoryKeepBothEntries() throws {
        let a = try TmuxSession(environment: environment)
        let b = try TmuxSession(environment: environment)
        try a.waitFor("qyx>")
        try b.waitFor("qyx>")
        for (i, shell) in [a, b, a, b].enumerated() {
            try shell.submit("select count(*) as s\(i) from reforms;")
            try shell.waitFor("22\n(1 row)\nqyx>")
        }
        try a.press("C-d")
        try b.press("C-d")
        try a.waitFor("[exit status 0]")
        try b.waitFor("[exit status 0]")
        #expect(try String(contentsOf: historyFile, encoding: .utf8) == "_HiStOrY_V2_\n" + (0..<4).map {
            "select\\040count(*)\\040as\\040s\($0)\\040from\\040reforms;\n"
        }.joined())
        // A third shell recalls the other's last entry first.
        let c = try TmuxSession(environment: environment)
        try c.waitFor("qyx>")
        try c.press("Up")
        try c.waitFor("qyx> select count(*) as s3 from reforms;")
    }

    @Test func aMultiLineStatementIsOneHistoryEntry() throws {
        let t = try TmuxSession(environment: environment)
        try t.waitFor("qyx>")
        try t.submit("select count(*) as n -- of reforms")
        try t.submit("from reforms;")
        try t.waitFor("22\n(1 row)\nqyx>")
        try t.press("Up")
        try t.waitFor("(1 row)\nqyx> select count(*) as n -- of reforms\nfrom reforms;")
        try t.press("Enter")
        try t.waitFor("qyx> select count(*) as n -- of reforms\nfrom reforms;\n n\n──\n22\n(1 row)\nqyx>")
        try t.press("C-d")
        try t.waitFor("[exit status 0]")
        #expect(try String(contentsOf: historyFile, encoding: .utf8)
            == "_HiStOrY_V2_\nselect\\040count(*)\\040as\\040n\\040--\\040of\\040reforms\\012from\\040reforms;\n")
    }

    @Test func historyIsTrimmedToItsLimit() throws {
        try FileManager.default.createDirectory(at: historyFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        let old = (1...1000).map { "show\\040values\\040of\\040lead;\\040--\\040\($0)\n" }
        try Data(("_HiStOrY_V2_\n" + old.joined()).utf8).write(to: historyFile)
        let t = try TmuxSession(environment: environment)
        try t.waitFor("qyx>")
        try runAndLeave(t, "select count(*) as n from reforms;", answer: "22\n(1 row)")
        #expect(try String(contentsOf: historyFile, encoding: .utf8)
            == "_HiStOrY_V2_\n" + old.dropFirst().joined() + "select\\040count(*)\\040as\\040n\\040from\\040reforms;\n")
    }
}
