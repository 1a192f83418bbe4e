// swift-tools-version:6.0
//
// Data flows one way through the targets:
//   QyxModel (entities, values, units)  ←  QyxReaders (documents → model)
//   QyxModel  ←  QyxRendering (tables, CSV, JSON)
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
        .target(name: "QyxRendering", dependencies: ["QyxModel"]),
        .executableTarget(
            name: "qyx",
            dependencies: [
                "QyxModel", "QyxReaders", "QyxRendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "QyxReadersTests",
            dependencies: ["QyxModel", "QyxReaders", "QyxRendering"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
