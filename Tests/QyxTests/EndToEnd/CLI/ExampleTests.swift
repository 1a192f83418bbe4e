import Foundation
import Testing

/// Every query file in examples/ runs with the real binary and prints exactly its expected output.
@Suite struct ExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var examples: [String] {
        let folder = root.appendingPathComponent("examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".qyx") }.sorted()
    }

    @Test func thereAreExamples() { #expect(Self.examples.count >= 5) }

    @Test(arguments: examples)
    func exampleOutput(_ name: String) throws {
        let file = Self.root.appendingPathComponent("examples/\(name)")
        let expected = try String(contentsOf: Self.root.appendingPathComponent("examples/expected/\(name.dropLast(4)).txt"), encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = nil
        let r = try runQyx(["-f", file.path], environment: environment)
        #expect(r.status == 0 && r.err.isEmpty, "\(r.err)")
        #expect(r.out == expected)
    }
}
