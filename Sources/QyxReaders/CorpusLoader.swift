import Foundation
import QyxModel

/// Loads the built-in corpus and documents named on the command line.
public enum CorpusLoader {
    /// Text files under `url` (a file or a folder, searched recursively), in name order.
    public static func files(at url: URL) -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return [url] }
        guard isDirectory.boolValue else { return [url] }
        let items = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])?
            .compactMap { $0 as? URL } ?? []
        return items.filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.path < $1.path }
    }

    /// The five documents shipped inside the package.
    public static var builtinFiles: [URL] {
        guard let folder = Bundle.module.url(forResource: "corpus", withExtension: nil) else { return [] }
        return files(at: folder)
    }

    /// Reads every file; one that cannot be read becomes an error diagnostic and the rest still load.
    /// `progress` hears after each file: files read, files in all, bytes read.
    public static func load(_ urls: [URL], progress: ((Int, Int, Int) -> Void)? = nil) -> Corpus {
        var corpus = Corpus()
        var seen = Set<String>()
        var bytes = 0
        for (done, url) in urls.enumerated() {
            defer {
                if let progress {
                    bytes += (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
                    progress(done + 1, urls.count, bytes)
                }
            }
            do {
                let file = try SourceFile.read(url)
                guard seen.insert(file.id).inserted else {
                    corpus.diagnostics.append(Diagnostic(.warning, file: url.path, line: nil,
                                                         "a document with id '\(file.id)' is already loaded; this one is skipped"))
                    continue
                }
                corpus.merge(DocumentReader.read(file))
            } catch let error as ReadError {
                corpus.diagnostics.append(Diagnostic(.error, file: error.path, line: error.line, error.message))
            } catch {
                corpus.diagnostics.append(Diagnostic(.error, file: url.path, line: nil, "\(error)"))
            }
        }
        corpus.conflicts = ConflictFinder.find(in: corpus)
        return corpus
    }

    /// The built-in corpus (unless `builtin` is false) plus every document under `paths`.
    public static func load(builtin: Bool = true, paths: [String] = [], progress: ((Int, Int, Int) -> Void)? = nil) -> Corpus {
        var urls = builtin ? builtinFiles : []
        for path in paths { urls += files(at: URL(fileURLWithPath: path)) }
        return load(urls, progress: progress)
    }
}
