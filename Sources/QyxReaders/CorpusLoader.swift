import Foundation
import QyxModel

/// Loads the built-in corpus and documents named on the command line.
public enum CorpusLoader {
    /// Text files under `url` (a file or a folder, searched recursively), in name order. Names
    /// starting with a dot are left out; symbolic links to files are followed, to folders not.
    public static func files(at url: URL) -> [URL] {
        var info = stat()
        guard stat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return [url] }
        var found: [String] = []
        collect(in: url.path, into: &found)
        return found.sorted().map { URL(fileURLWithPath: $0) }
    }

    /// readdir(3) with the entry types it gives for free: Foundation's enumerator asked for
    /// each file's resource values, a cost the size of reading a small document.
    private static func collect(in folder: String, into found: inout [String]) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                var info = stat()
                let result = type == Int32(DT_LNK) ? stat(path, &info) : lstat(path, &info)
                guard result == 0 else { continue }
                let isFolder = info.st_mode & S_IFMT == S_IFDIR
                if isFolder && type == Int32(DT_LNK) { continue }
                type = isFolder ? Int32(DT_DIR) : info.st_mode & S_IFMT == S_IFREG ? Int32(DT_REG) : Int32(DT_UNKNOWN)
            }
            if type == Int32(DT_DIR) {
                collect(in: path, into: &found)
            } else if type == Int32(DT_REG), !name.hasPrefix(".") {
                found.append(path)
            }
        }
    }

    /// The five documents shipped inside the package.
    public static var builtinFiles: [URL] {
        guard let folder = Bundle.module.url(forResource: "corpus", withExtension: nil) else { return [] }
        return files(at: folder)
    }

    /// Reads every file; one that cannot be read becomes an error diagnostic and the rest still load.
    /// `progress` hears after each batch of files: files read, files in all, bytes read.
    /// Documents are read in parallel, a batch at a time, and merged in name order, so the
    /// result and its diagnostics do not depend on the number of cores.
    public static func load(_ urls: [URL], progress: ((Int, Int, Int) -> Void)? = nil) -> Corpus {
        var corpus = Corpus()
        var seen = Set<String>()
        var bytes = 0
        let batch = 64
        for start in stride(from: 0, to: urls.count, by: batch) {
            let slice = Array(urls[start..<min(start + batch, urls.count)])
            let results = readAll(slice)
            for (url, result) in zip(slice, results) {
                switch result {
                case .success(let (id, document, size)):
                    bytes += size
                    guard seen.insert(id).inserted else {
                        corpus.diagnostics.append(Diagnostic(.warning, file: url.path, line: nil,
                                                             "a document with id '\(id)' is already loaded; this one is skipped"))
                        continue
                    }
                    corpus.merge(document)
                case .failure(let diagnostic):
                    corpus.diagnostics.append(diagnostic)
                }
            }
            progress?(start + slice.count, urls.count, bytes)
        }
        corpus.conflicts = ConflictFinder.find(in: corpus)
        return corpus
    }

    enum Outcome {
        case success((id: String, document: Corpus, bytes: Int))
        case failure(Diagnostic)
    }

    /// Reads `urls` on all cores; results in the order of `urls`.
    static func readAll(_ urls: [URL]) -> [Outcome] {
        Parallel.map(urls.count) { read(urls[$0]) }
    }

    static func read(_ url: URL) -> Outcome {
        do {
            let file = try SourceFile.read(url)
            let size = file.lines.reduce(0) { $0 + $1.utf8.count + 1 }
            return .success((file.id, DocumentReader.read(file), size))
        } catch let error as ReadError {
            return .failure(Diagnostic(.error, file: error.path, line: error.line, error.message))
        } catch {
            return .failure(Diagnostic(.error, file: url.path, line: nil, "\(error)"))
        }
    }

    /// The built-in corpus (unless `builtin` is false) plus every document under `paths`.
    public static func load(builtin: Bool = true, paths: [String] = [], progress: ((Int, Int, Int) -> Void)? = nil) -> Corpus {
        var urls = builtin ? builtinFiles : []
        for path in paths { urls += files(at: URL(fileURLWithPath: path)) }
        return load(urls, progress: progress)
    }
}
