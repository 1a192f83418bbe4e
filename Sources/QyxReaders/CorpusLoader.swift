import Foundation
import QyxModel
import QyxText

/// Loads the built-in corpus and documents named on the command line.
public enum CorpusLoader {
    /// Text files under `url` (a file or a folder, searched recursively), in name order, and
    /// warnings for what was passed over: folders that cannot be read, broken links, entries
    /// that are not regular files, and links back to a folder already read. Names starting
    /// with a dot are left out; symbolic links are followed, each folder read once (by device
    /// and inode, so a link loop ends).
    public static func files(at url: URL) -> (urls: [URL], warnings: [Diagnostic]) {
        var info = stat()
        guard stat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return ([url], []) }
        var walk = Walk()
        walk.visited.insert(FolderIdentity(info))
        walk.collect(in: url.path)
        return (walk.found.sorted().map { URL(fileURLWithPath: $0) }, walk.warnings.sorted { $0.file < $1.file })
    }

    /// A folder's device and inode: the same folder under any name.
    struct FolderIdentity: Hashable {
        let device: UInt64
        let inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// One recursive listing.
    struct Walk {
        var found: [String] = []
        var warnings: [Diagnostic] = []
        var visited = Set<FolderIdentity>()

        mutating func warn(_ path: String, _ message: String) {
            warnings.append(Diagnostic(.warning, file: path, line: nil, message))
        }

        /// readdir(3) with the entry types it gives for free: Foundation's enumerator asked for
        /// each file's resource values, a cost the size of reading a small document.
        mutating func collect(in folder: String) {
            guard let dir = opendir(folder) else {
                warn(folder, "cannot read folder: \(String(cString: strerror(errno))); skipped")
                return
            }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name == "." || name == ".." || name.hasPrefix(".") { continue }
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) || type == Int32(DT_DIR) {
                    let link = type == Int32(DT_LNK)
                    var info = stat()
                    guard (link ? stat(path, &info) : lstat(path, &info)) == 0 else {
                        warn(path, link ? "broken symbolic link; skipped" : "cannot read: \(String(cString: strerror(errno))); skipped")
                        continue
                    }
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR:
                        guard visited.insert(FolderIdentity(info)).inserted else {
                            warn(path, "symbolic link to a folder already read; skipped")
                            continue
                        }
                        type = Int32(DT_DIR)
                    case S_IFREG: type = Int32(DT_REG)
                    default: type = Int32(DT_UNKNOWN)
                    }
                }
                if type == Int32(DT_DIR) {
                    collect(in: path)
                } else if type == Int32(DT_REG) {
                    found.append(path)
                } else {
                    warn(path, "not a regular file; skipped")
                }
            }
        }
    }

    /// The five documents shipped inside the package.
    public static var builtinFiles: [URL] {
        guard let folder = Bundle.module.url(forResource: "corpus", withExtension: nil) else { return [] }
        return files(at: folder).urls
    }

    /// What reading a file gave: its document, or a diagnostic for a file that gave none.
    public enum Loaded<Document> {
        case document(Document)
        case diagnostic(Diagnostic)
    }

    /// Reads every file and hands each document to `take`, in name order, after `prepare` has
    /// made it into whatever the caller keeps (on the thread that read it, so that work is
    /// spread over the cores too). A file that cannot be read, or repeats a document id,
    /// becomes a diagnostic and the rest still load. `progress` hears every 64 files and at
    /// the end: files read, files in all, bytes read.
    ///
    /// Files are read on every core while `take` runs on the calling thread, in order, so the
    /// result and its diagnostics do not depend on the number of cores.
    ///
    /// When `cancellation` stops the load, the file being read gets an error diagnostic, no
    /// later file is taken, and the reason is returned.
    @discardableResult
    public static func read<Document>(_ urls: [URL], cancellation: Cancellation = .none, progress: ((Int, Int, Int) -> Void)? = nil,
                                      prepare: @escaping @Sendable (Corpus) -> Document,
                                      take: (Loaded<Document>) -> Void) -> Cancellation.Stop? {
        var seen = Set<String>()
        // Text already loaded, by its hash: the same document under two names loads once.
        var texts: [Int: String] = [:]
        var bytes = 0
        var done = 0
        var stopped: Cancellation.Stop?
        Parallel.stream(urls.count, make: { read(urls[$0], cancellation).map(prepare) }) { result in
            if stopped != nil { return }
            switch result {
            case .success(let (id, document, size, hash)):
                bytes += size
                let path = urls[done].path
                if let first = texts[hash] {
                    take(.diagnostic(Diagnostic(.warning, file: path, line: nil,
                                                "the same text as \(first), which is already loaded; this one is skipped")))
                } else if seen.insert(id).inserted {
                    texts[hash] = path
                    take(.document(document))
                } else {
                    take(.diagnostic(Diagnostic(.warning, file: path, line: nil,
                                                "a document with id '\(id)' is already loaded; this one is skipped")))
                }
            case .failure(let diagnostic):
                take(.diagnostic(diagnostic))
            case .stopped(let stop, let diagnostic):
                stopped = stop
                take(.diagnostic(diagnostic))
                return
            }
            done += 1
            if done % 64 == 0 || done == urls.count { progress?(done, urls.count, bytes) }
        }
        return stopped
    }

    /// Reads every file into one model; `warnings` (from listing the folders) come first. The
    /// conflicts among its documents are analysis's to find (`ConflictFinder.find(in:)`).
    public static func load(_ urls: [URL], warnings: [Diagnostic] = [], progress: ((Int, Int, Int) -> Void)? = nil) -> Corpus {
        var corpus = Corpus()
        corpus.diagnostics = warnings
        read(urls, progress: progress, prepare: { $0 }) { loaded in
            switch loaded {
            case .document(let document): corpus.merge(document)
            case .diagnostic(let diagnostic): corpus.diagnostics.append(diagnostic)
            }
        }
        return corpus
    }

    enum Outcome<Document> {
        case success((id: String, document: Document, bytes: Int, hash: Int))
        case failure(Diagnostic)
        case stopped(Cancellation.Stop, Diagnostic)

        func map<T>(_ transform: (Document) -> T) -> Outcome<T> {
            switch self {
            case .success(let (id, document, bytes, hash)): return .success((id, transform(document), bytes, hash))
            case .failure(let diagnostic): return .failure(diagnostic)
            case .stopped(let stop, let diagnostic): return .stopped(stop, diagnostic)
            }
        }
    }

    static func read(_ url: URL, _ cancellation: Cancellation = .none) -> Outcome<Corpus> {
        // Checked before and after: a read cut short by the stop is never taken as whole.
        func stop() -> Outcome<Corpus>? {
            cancellation.stopped().map { .stopped($0, Diagnostic(.error, file: url.path, line: nil, "loading " + $0.message())) }
        }
        if let stopped = stop() { return stopped }
        do {
            let file = try SourceFile.read(url)
            let size = file.lines.reduce(0) { $0 + $1.utf8.count + 1 }
            let corpus = DocumentReader.read(file, cancellation: cancellation)
            if let stopped = stop() { return stopped }
            return .success((file.id, corpus, size, file.contentHash))
        } catch let error as ReadError {
            return .failure(Diagnostic(.error, file: error.path, line: error.line, error.message))
        } catch {
            return .failure(Diagnostic(.error, file: url.path, line: nil, "\(error)"))
        }
    }

    /// The built-in corpus (unless `builtin` is false) plus every document under `paths`.
    public static func load(builtin: Bool = true, paths: [String] = [], progress: ((Int, Int, Int) -> Void)? = nil) -> Corpus {
        let (urls, warnings) = urls(builtin: builtin, paths: paths)
        return load(urls, warnings: warnings, progress: progress)
    }

    /// The files of the built-in corpus (unless `builtin` is false) and of every path, in that
    /// order, with the warnings of listing the folders.
    public static func urls(builtin: Bool = true, paths: [String] = []) -> (urls: [URL], warnings: [Diagnostic]) {
        var urls = builtin ? builtinFiles : []
        var warnings: [Diagnostic] = []
        for path in paths {
            let listed = files(at: URL(fileURLWithPath: path))
            urls += listed.urls
            warnings += listed.warnings
        }
        return (urls, warnings)
    }
}
