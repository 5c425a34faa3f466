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
    ],
    targets: [
        // Pure numerics: tensors, geometry, convolution, taps. Depends on nothing.
        .target(name: "AtrousCore"),
        // The system's libpng, through its simplified API.
        .systemLibrary(name: "CPNG", pkgConfig: "libpng",
                       providers: [.apt(["libpng-dev"]), .brew(["libpng"])]),
        // Files in and out: .npy, CSV, JSON, PGM, PNG, atomic writes, code export.
        .target(name: "AtrousIO", dependencies: ["AtrousCore", "CPNG"]),
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
        // Helpers shared by the test targets: fixture paths, running the built binary.
        .target(name: "AtrousTestSupport", path: "Tests/AtrousTestSupport"),
        .testTarget(name: "AtrousCoreTests", dependencies: ["AtrousCore"]),
        .testTarget(name: "AtrousIOTests", dependencies: ["AtrousIO", "AtrousTestSupport"]),
        // End-to-end tests that run the built `atrous` binary.
        .testTarget(name: "AtrousCLITests", dependencies: ["AtrousIO", "AtrousTestSupport"]),
    ]
)
