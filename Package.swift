// swift-tools-version:6.0
//
// Data flows one way through the targets:
//   QyxModel (entities, values, units)  ←  QyxReaders (documents → model)
//   QyxModel  ←  QyxLanguage (lexer → parser → binder → evaluator)
//   QyxLanguage  ←  QyxRendering (tables, CSV, JSON, Markdown)
//   qyx (front ends) uses all of them.
import PackageDescription

let package = Package(
    name: "qyx",
    products: [
        .executable(name: "qyx", targets: ["qyx"]),
        .library(name: "QyxModel", targets: ["QyxModel"]),
        .library(name: "QyxReaders", targets: ["QyxReaders"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "QyxModel"),
        .target(
            name: "QyxReaders",
            dependencies: ["QyxModel"],
            resources: [.copy("Resources/corpus")]
        ),
        .target(name: "QyxLanguage", dependencies: ["QyxModel"]),
        // wcwidth(3) for display widths; glibc declares it only under _XOPEN_SOURCE.
        .target(name: "CWidth"),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // libedit's el_set() and history() are variadic, which Swift cannot call: thin C wrappers.
        .target(name: "LineEditing", dependencies: ["CLibEdit"]),
        .target(name: "QyxRendering", dependencies: ["QyxModel", "QyxLanguage", "CWidth", "CSQLite"]),
        .executableTarget(
            name: "qyx",
            dependencies: [
                "QyxModel", "QyxReaders", "QyxLanguage", "QyxRendering", "LineEditing", "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "QyxTests",
            dependencies: ["QyxModel", "QyxReaders", "QyxLanguage", "QyxRendering", "CSQLite"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
