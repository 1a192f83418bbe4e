// swift-tools-version:6.0
//
// Data flows one way through the targets:
//   QyxModel (entities, values, units)  ←  QyxReaders (documents → model)
//   QyxModel  ←  QyxLanguage (lexer → parser → binder → evaluator)
//   QyxLanguage  ←  QyxRendering (tables, CSV, JSON, Markdown)
//   QyxRendering  ←  QyxReports (templates filled with query results)
//   qyx (front ends) uses all of them.
import PackageDescription

let package = Package(
    name: "qyx",
    products: [
        .executable(name: "qyx", targets: ["qyx"]),
        .library(name: "QyxModel", targets: ["QyxModel"]),
        .library(name: "QyxReaders", targets: ["QyxReaders"]),
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
        .target(name: "QyxModel"),
        .target(
            name: "QyxReaders",
            dependencies: ["QyxModel"],
            resources: [.copy("Resources/corpus")]
        ),
        .target(name: "QyxLanguage", dependencies: ["QyxModel", "CPCRE2"]),
        // wcwidth(3) for display widths; glibc declares it only under _XOPEN_SOURCE.
        .target(name: "CWidth"),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // PCRE2 runs `~` with a step budget (see Pattern.swift).
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // libedit's el_set() and history() are variadic, which Swift cannot call: thin C wrappers.
        .target(name: "LineEditing", dependencies: ["CLibEdit"]),
        .target(name: "QyxRendering", dependencies: ["QyxModel", "QyxLanguage", "CWidth", "CSQLite"]),
        // Report templates: Mustache with query hooks, YAML front matter, Markdown to HTML, SVG charts.
        .target(
            name: "QyxReports",
            dependencies: [
                "QyxModel", "QyxLanguage", "QyxRendering",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Ink", package: "Ink"),
            ]
        ),
        .executableTarget(
            name: "qyx",
            dependencies: [
                "QyxModel", "QyxReaders", "QyxLanguage", "QyxRendering", "QyxReports", "LineEditing", "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The built-in corpus, already loaded: see BuiltinImage.swift.
            resources: [.copy("Resources/builtin.qyximage")]
        ),
        .testTarget(
            name: "QyxTests",
            dependencies: ["QyxModel", "QyxReaders", "QyxLanguage", "QyxRendering", "QyxReports", "CSQLite"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
