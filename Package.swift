// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "atrous",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "atrous", targets: ["atrous"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.17.0"),
    ],
    targets: [
        // Pure numerics: tensors, geometry, convolution, taps. Depends on nothing.
        .target(name: "AtrousCore"),
        // Files in and out: .npy, CSV, JSON, atomic writes.
        .target(name: "AtrousIO", dependencies: ["AtrousCore"]),
        // The explorer's state model: actions, pure update, key map, command line, undo.
        .target(name: "AtrousExplorer", dependencies: ["AtrousCore", "AtrousIO"]),
        // The screen as a value: cells, styles, layout, panels. Pure Swift, no terminal.
        .target(name: "AtrousRender", dependencies: ["AtrousCore", "AtrousExplorer"]),
        .executableTarget(
            name: "atrous",
            dependencies: [
                "AtrousCore", "AtrousIO",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "AtrousCoreTests", dependencies: ["AtrousCore"]),
        .testTarget(name: "AtrousIOTests", dependencies: ["AtrousIO"]),
        .testTarget(
            name: "AtrousRenderTests",
            dependencies: [
                "AtrousRender", "AtrousCore",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
    ]
)
