// swift-tools-version:6.0
import Foundation
import PackageDescription

// The convolution core's vector loops use fused multiply-add on wide vectors: AVX2 and FMA
// on x86-64 (x86-64-v3: Haswell, Zen and later), NEON on arm64. ATROUS_PORTABLE=1 at build
// time targets any x86-64 processor instead, at a third of the speed.
#if arch(x86_64)
let coreVectorSettings: [SwiftSetting] = ProcessInfo.processInfo.environment["ATROUS_PORTABLE"] == nil
    ? [.define("ATROUS_FMA_VECTORS"), .unsafeFlags(["-Xcc", "-march=x86-64-v3"])]
    : []
#elseif arch(arm64)
let coreVectorSettings: [SwiftSetting] = [.define("ATROUS_FMA_VECTORS")]
#else
let coreVectorSettings: [SwiftSetting] = []
#endif

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
        .target(name: "AtrousCore", swiftSettings: coreVectorSettings),
        // Files in and out: .npy, CSV, JSON, atomic writes.
        .target(name: "AtrousIO", dependencies: ["AtrousCore"]),
        // The explorer's state model: actions, pure update, key map, command line, undo.
        .target(name: "AtrousExplorer", dependencies: ["AtrousCore", "AtrousIO"]),
        // The screen as a value: cells, styles, layout, panels. Pure Swift, no terminal.
        .target(name: "AtrousRender", dependencies: ["AtrousCore", "AtrousExplorer"]),
        // Timing of the core on fixed workloads, each result checked; not part of the core.
        .target(name: "AtrousBench", dependencies: ["AtrousCore"]),
        .executableTarget(
            name: "atrous",
            dependencies: [
                "AtrousCore", "AtrousIO", "AtrousBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "AtrousCoreTests", dependencies: ["AtrousCore"]),
        .testTarget(name: "AtrousIOTests", dependencies: ["AtrousIO"]),
        .testTarget(name: "AtrousBenchTests", dependencies: ["AtrousBench"]),
    ]
)
