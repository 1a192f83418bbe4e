import Foundation
import Testing

/// Where qyx writes (standard output, `render -o`, `export --format sqlite`) and what it must
/// refuse to write over. Each case runs the real binary, checks the exact message and exit
/// status, and that nothing in the folder changed but the intended output (bytes and modes).
@Suite struct HostileOutputTests {
    /// A folder with a template, a document and a text file of the user's.
    static func folder() throws -> URL {
        let folder = try temporaryFolder()
        try Hostile.template.write(to: folder.appendingPathComponent("t.md"), atomically: true, encoding: .utf8)
        try "the user's notes\n".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        chmod(folder.appendingPathComponent("notes.txt").path, 0o600)
        return folder
    }

    // MARK: standard output

    @Test func aFullDiskOnStandardOutputIsReported() throws {
        let r = try Hostile.run(["export", "indicators", "--format", "csv"], stdout: "/dev/full")
        #expect(r.err == "qyx: cannot write standard output: No space left on device\n")
        #expect(r.status == 1)
        let query = try Hostile.run(["-c", "select count(*) from documents"], stdout: "/dev/full")
        #expect(query.err == "qyx: cannot write standard output: No space left on device\n")
        #expect(query.status == 1)
        let render = try Hostile.run(["render", try Self.folder().appendingPathComponent("t.md").path], stdout: "/dev/full")
        #expect(render.err == "qyx: cannot write standard output: No space left on device\n")
        #expect(render.status == 1)
    }

    /// `qyx … | head`: SIGPIPE ends qyx without a word (status 141 in the shell), as any filter.
    @Test func aClosedPipeEndsQuietly() throws {
        let qyx = try qyxBinary().path
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", "'\(qyx)' export figures --format jsonl 2>err | head -c 1 >/dev/null; echo ${PIPESTATUS[0]}; cat err"]
        let folder = try temporaryFolder()
        shell.currentDirectoryURL = folder
        let pipe = Pipe()
        shell.standardOutput = pipe
        try shell.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(out == "141\n")
    }

    // MARK: render -o

    @Test func renderNeverWritesOntoItsTemplate() throws {
        let folder = try Self.folder()
        let t = folder.appendingPathComponent("t.md").path
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.md").path, withDestinationPath: "t.md")
        try FileManager.default.linkItem(atPath: t, toPath: folder.appendingPathComponent("hard.md").path)
        let before = Hostile.snapshot(folder)
        for (output, force) in [("t.md", false), ("t.md", true), ("./t.md", true), ("link.md", true), ("hard.md", true)] {
            let r = try runQyx(["render", t, "-o", folder.appendingPathComponent(output).path] + (force ? ["--force"] : []))
            #expect(r.err == "qyx: cannot write \(folder.appendingPathComponent(output).path): is the template of this run\n", "\(output)")
            #expect(r.status == 1)
        }
        #expect(Hostile.snapshot(folder) == before)
    }

    @Test func renderNeverWritesOntoADocsFile() throws {
        let folder = try Self.folder()
        let docs = folder.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        let seed = ExampleTests.root.appendingPathComponent("Sources/QyxReaders/Resources/corpus/shengsi-2025-work-points.txt")
        try FileManager.default.copyItem(at: seed, to: docs.appendingPathComponent("plan.txt"))
        try FileManager.default.linkItem(atPath: docs.appendingPathComponent("plan.txt").path, toPath: folder.appendingPathComponent("out.md").path)
        let before = Hostile.snapshot(folder)
        let out = folder.appendingPathComponent("out.md").path
        let r = try runQyx(["render", folder.appendingPathComponent("t.md").path, "--no-builtin", "--docs", docs.path, "-o", out, "--force"])
        #expect(r.err == "qyx: cannot write \(out): is a --docs file of this run\n")
        #expect(r.status == 1)
        let export = try runQyx(["export", "--format", "sqlite", out, "--no-builtin", "--docs", docs.path, "--force"])
        #expect(export.err == "qyx: cannot write \(out): is a --docs file of this run\n")
        #expect(export.status == 1)
        #expect(Hostile.snapshot(folder) == before)
    }

    @Test func renderReplacesOnlyItsOwnReportsUnlessForced() throws {
        let folder = try Self.folder()
        let t = folder.appendingPathComponent("t.md").path
        let notes = folder.appendingPathComponent("notes.txt").path
        var before = Hostile.snapshot(folder)
        let refused = try runQyx(["render", t, "-o", notes])
        #expect(refused.err == "qyx: cannot write \(notes): the file exists and was not written by qyx (give --force to replace it)\n")
        #expect(refused.status == 1)
        #expect(Hostile.snapshot(folder) == before)
        // A report qyx wrote is replaced, in both formats, and keeps its mode.
        for name in ["r.md", "r.html"] {
            let out = folder.appendingPathComponent(name).path
            #expect(try runQyx(["render", t, "-o", out]).status == 0)
            chmod(out, 0o640)
            before = Hostile.snapshot(folder)
            let again = try runQyx(["render", t, "-o", out, "--param", "title=again"])
            #expect(again.err == "")
            #expect(again.status == 0)
            #expect(Hostile.mode(out) == 0o640)
            var after = Hostile.snapshot(folder)
            after[name] = before[name]
            #expect(after == before)
        }
        #expect(try String(contentsOfFile: folder.appendingPathComponent("r.md").path, encoding: .utf8)
            == "<!-- written by qyx render -->\n# 报告\n\n5 documents.\n")
        // --force replaces the user's file, keeping its mode.
        let forced = try runQyx(["render", t, "-o", notes, "--force"])
        #expect(forced.status == 0)
        #expect(Hostile.mode(notes) == 0o600)
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "<!-- written by qyx render -->\n# 报告\n\n5 documents.\n")
    }

    @Test func renderRefusesFoldersDevicesAndLinks() throws {
        let folder = try Self.folder()
        let t = folder.appendingPathComponent("t.md").path
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("to-notes").path, withDestinationPath: "notes.txt")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("dangling").path, withDestinationPath: "nowhere.md")
        let before = Hostile.snapshot(folder)
        let cases: [(String, String)] = [
            (folder.path, "is a directory"),
            ("/dev/null", "not a regular file"),
            ("/dev/full", "not a regular file"),
            (folder.appendingPathComponent("to-notes").path, "is a symbolic link (give --force to write where it points)"),
            (folder.appendingPathComponent("dangling").path, "is a symbolic link (give --force to write where it points)"),
            (folder.appendingPathComponent("no/such/folder.md").path, "No such file or directory"),
        ]
        for (out, reason) in cases {
            let r = try runQyx(["render", t, "-o", out])
            #expect(r.err == "qyx: cannot write \(out): \(reason)\n")
            #expect(r.status == 1)
        }
        #expect(Hostile.snapshot(folder) == before)
        // A device is written into only when asked for; a full one is reported.
        #expect(try runQyx(["render", t, "-o", "/dev/null", "--force"]).status == 0)
        let full = try runQyx(["render", t, "-o", "/dev/full", "--force"])
        #expect(full.err == "qyx: cannot write /dev/full: No space left on device\n")
        #expect(full.status == 1)
        // --force writes where the dangling link points.
        #expect(try runQyx(["render", t, "-o", folder.appendingPathComponent("dangling").path, "--force"]).status == 0)
        #expect(try String(contentsOfFile: folder.appendingPathComponent("nowhere.md").path, encoding: .utf8)
            == "<!-- written by qyx render -->\n# 报告\n\n5 documents.\n")
    }

    @Test(.enabled(if: !Hostile.isRoot, "root writes into read-only folders"))
    func aReadOnlyFolderIsReported() throws {
        let folder = try Self.folder()
        chmod(folder.path, 0o555)
        defer { chmod(folder.path, 0o755) }
        let before = Hostile.snapshot(folder)
        let out = folder.appendingPathComponent("r.md").path
        let r = try runQyx(["render", folder.appendingPathComponent("t.md").path, "-o", out])
        #expect(r.err == "qyx: cannot write \(out): Permission denied\n")
        #expect(r.status == 1)
        #expect(Hostile.snapshot(folder) == before)
    }

    // MARK: export --format sqlite

    func sqlite3(_ db: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [db, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return out
    }

    @Test func exportReplacesOnlyItsOwnDatabase() throws {
        let folder = try Self.folder()
        let mine = folder.appendingPathComponent("mine.db").path
        _ = try sqlite3(mine, "create table accounts (name text); insert into accounts values ('x')")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.db").path, withDestinationPath: "mine.db")
        let before = Hostile.snapshot(folder)
        let cases: [(String, String)] = [
            (folder.appendingPathComponent("notes.txt").path, "the file exists and was not written by qyx (give --force to replace it)"),
            (mine, "the file exists and was not written by qyx (give --force to replace it)"),
            (folder.appendingPathComponent("link.db").path, "is a symbolic link (give --force to write where it points)"),
            (folder.path, "is a directory"),
            ("/dev/null", "not a regular file"),
            (folder.appendingPathComponent("t.md").path, "the file exists and was not written by qyx (give --force to replace it)"),
        ]
        for (out, reason) in cases {
            let r = try runQyx(["export", "--format", "sqlite", out])
            #expect(r.err == "qyx: cannot write \(out): \(reason)\n")
            #expect(r.status == 1)
        }
        #expect(Hostile.snapshot(folder) == before)
        #expect(try sqlite3(mine, "select name from accounts") == "x\n")
        let device = try runQyx(["export", "--format", "sqlite", "/dev/null", "--force"])
        #expect(device.err == "qyx: cannot write /dev/null: not a regular file\n")
        #expect(device.status == 1)
        // Its own export is replaced, keeping mode 0600; it carries the application id 'QYX1'.
        let db = folder.appendingPathComponent("qyx.db").path
        #expect(try runQyx(["export", "--format", "sqlite", db]).status == 0)
        chmod(db, 0o600)
        let again = try runQyx(["export", "--format", "sqlite", db])
        #expect(again.err == "")
        #expect(again.status == 0)
        #expect(Hostile.mode(db) == 0o600)
        #expect(try sqlite3(db, "pragma application_id") == "\(0x5159_5831)\n")
        #expect(try sqlite3(db, "select count(*) from documents") == "5\n")
        var after = Hostile.snapshot(folder)
        after["qyx.db"] = nil
        #expect(after == before)
    }
}
