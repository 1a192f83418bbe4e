// swift-tools-version:6.0
//
// libFuzzer targets for qyx (issue 8). A separate package so that `swift build` of the main
// package never sees them: libFuzzer supplies main(), so they cannot be ordinary executables.
// Build and run with `bash Tests/Fuzz/run.sh [SECONDS] [TARGET...]` from the repository root.
import PackageDescription

/// What every target but FuzzImage reads documents and runs queries with.
let corpus: [Target.Dependency] = [
    .product(name: "QyxModel", package: "qyx"),
    .product(name: "QyxReaders", package: "qyx"),
    .product(name: "QyxAnalysis", package: "qyx"),
    .product(name: "QyxStorage", package: "qyx"),
    .product(name: "QyxLanguage", package: "qyx"),
]

let package = Package(
    name: "QyxFuzz",
    dependencies: [
        .package(name: "qyx", path: "../.."),
    ],
    targets: [
        // Query text → Parser.parseScript → Engine.execute on the built-in corpus.
        .executableTarget(
            name: "FuzzQuery",
            dependencies: corpus
        ),
        // Document bytes → SourceFile.decode → DocumentReader.read → ConflictFinder.find, and
        // Database (columns, conflicts from the columns) checked against the model's conflicts.
        .executableTarget(
            name: "FuzzDocument",
            dependencies: corpus
        ),
        // A whole template (front matter and body) → ReportRenderer.render to Markdown and HTML.
        .executableTarget(
            name: "FuzzTemplate",
            dependencies: corpus + [.product(name: "QyxReports", package: "qyx")]
        ),
        // Bytes → DatabaseImage.read (and, when they read, write → the same bytes).
        .executableTarget(
            name: "FuzzImage",
            dependencies: [
                .product(name: "QyxStorage", package: "qyx"),
                .product(name: "QyxLanguage", package: "qyx"),
            ]
        ),
        // Bytes cut at 0x1E into up to eight documents → columns as a load makes them, checked
        // against the model's conflicts.
        .executableTarget(
            name: "FuzzDocuments",
            dependencies: corpus
        ),
    ]
)
