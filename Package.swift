// swift-tools-version:6.0
//
// The targets are the pipeline, in order; each imports only targets before it:
//   QyxText      text primitives: hashing, byte search, numerals, plain text, Parallel, Cancellation
//   QyxModel     entities, values, units, domains: data only
//   QyxReaders   documents → model
//   QyxAnalysis  conflict detection over any statement source, citations, values as written
//   QyxStorage   model → columns: tables, string pool, database builder, image format
//   QyxLanguage  lexer → parser → binder → evaluator over the database
//   QyxOutput    tables, CSV, JSON, Markdown, SQLite: results and exports from the database
//   QyxReports   templates filled with query results
//   qyx          front ends: command line and shell
// C shims live in Sources/C.
import PackageDescription

let package = Package(
    name: "qyx",
    products: [
        .executable(name: "qyx", targets: ["qyx"]),
        .library(name: "QyxText", targets: ["QyxText"]),
        .library(name: "QyxModel", targets: ["QyxModel"]),
        .library(name: "QyxReaders", targets: ["QyxReaders"]),
        .library(name: "QyxAnalysis", targets: ["QyxAnalysis"]),
        .library(name: "QyxStorage", targets: ["QyxStorage"]),
        .library(name: "QyxLanguage", targets: ["QyxLanguage"]),
        // For the fuzz targets in Tests/Fuzz.
        .library(name: "QyxReports", targets: ["QyxReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        .target(name: "QyxText"),
        .target(name: "QyxModel", dependencies: ["QyxText"]),
        .target(
            name: "QyxReaders",
            dependencies: ["QyxText", "QyxModel"],
            resources: [.copy("Resources/corpus")]
        ),
        .target(name: "QyxAnalysis", dependencies: ["QyxText", "QyxModel"]),
        .target(name: "QyxStorage", dependencies: ["QyxText", "QyxModel", "QyxAnalysis"]),
        .target(name: "QyxLanguage", dependencies: ["QyxText", "QyxModel", "QyxStorage", "CPCRE2"]),
        .target(name: "QyxOutput", dependencies: ["QyxModel", "QyxStorage", "QyxLanguage", "CWidth", "CSQLite"]),
        // Report templates: Mustache with query hooks, YAML front matter, Markdown to HTML, SVG charts.
        .target(
            name: "QyxReports",
            dependencies: [
                "QyxModel", "QyxAnalysis", "QyxStorage", "QyxLanguage", "QyxOutput",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Ink", package: "Ink"),
            ]
        ),
        .executableTarget(
            name: "qyx",
            dependencies: [
                "QyxText", "QyxModel", "QyxReaders", "QyxStorage", "QyxLanguage", "QyxOutput", "QyxReports",
                "LineEditing", "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The built-in corpus, already loaded: see BuiltinImage.swift.
            resources: [.copy("Resources/builtin.qyximage")]
        ),

        // C shims.
        // wcwidth(3) for display widths; glibc declares it only under _XOPEN_SOURCE.
        .target(name: "CWidth", path: "Sources/C/CWidth"),
        .systemLibrary(name: "CSQLite", path: "Sources/C/CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // PCRE2 runs `~` with a step budget (see Pattern.swift).
        .systemLibrary(name: "CPCRE2", path: "Sources/C/CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(name: "CLibEdit", path: "Sources/C/CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // libedit's el_set() and history() are variadic, which Swift cannot call: thin C wrappers.
        .target(name: "LineEditing", dependencies: ["CLibEdit"], path: "Sources/C/LineEditing"),

        .testTarget(
            name: "QyxTests",
            dependencies: ["QyxText", "QyxModel", "QyxReaders", "QyxAnalysis", "QyxStorage", "QyxLanguage", "QyxOutput",
                           "QyxReports", "CSQLite"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
