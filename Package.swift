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
        // Only the runtime library: the ONNX message code is generated once and committed.
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Pure numerics: tensors, geometry, convolution, taps. Built for the baseline processor
        // of its architecture, like every target: no code generation flags.
        .target(name: "AtrousCore", dependencies: ["CConvolutionKernels"]),
        // The correlation's inner loops (the direct loop's and the one-output-channel row loop's)
        // for each instruction set (baseline, AVX2, AVX-512, NEON), each carrying its own as
        // function attributes; the core picks one at run time.
        .target(name: "CConvolutionKernels", dependencies: ["CProcessorCheck"]),
        // What the processor reports (CPUID, XCR0): which kernels it runs.
        .target(name: "CProcessorCheck"),
        // The system's libpng, through its simplified API.
        .systemLibrary(name: "CPNG", pkgConfig: "libpng",
                       providers: [.apt(["libpng-dev"]), .brew(["libpng"])]),
        // Files in and out: .npy, CSV, JSON, PGM, PNG, atomic writes, code export.
        .target(name: "AtrousIO", dependencies: ["AtrousCore", "CPNG"]),
        // The screen's primitives, which the panels and the terminal share: the cell buffer,
        // styles and colours, sizes and rectangles, key and mouse events. Depends on nothing.
        .target(name: "AtrousScreen"),
        // ONNX's messages, generated from onnx.proto by protoc and swift-protobuf's plugin
        // (see GENERATED.md there).
        .target(name: "ONNXProto", dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")],
                exclude: ["GENERATED.md"]),
        // Reading models (ONNX, Keras 3 .keras and model JSON) into AtrousCore's graph of spatial operations.
        .target(name: "AtrousModels", dependencies: [
            "AtrousCore", "AtrousIO", "ONNXProto", .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // The explorer's state model: actions, pure update, key map, command line, undo. It
        // touches no file: it asks for loads, sessions and exports as effects.
        .target(name: "AtrousExplorer", dependencies: ["AtrousCore", "AtrousIO", "AtrousScreen"]),
        // The screen as a value: layout and panels drawn into the cell buffer. Pure Swift, no terminal.
        .target(name: "AtrousRender", dependencies: ["AtrousCore", "AtrousExplorer", "AtrousScreen"]),
        // The wide-character ncurses library, with the macros Swift cannot import as functions.
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]),
        // The only code that touches the terminal: start/stop, draw a buffer, read events. It
        // knows the screen's primitives only, not the explorer or its panels.
        // Linux's wide-character library is ncursesw; macOS's one ncurses is wide-character capable.
        .target(name: "AtrousTerminal", dependencies: ["CNcurses", "AtrousScreen"],
                linkerSettings: [.linkedLibrary("ncursesw", .when(platforms: [.linux])),
                                 .linkedLibrary("ncurses", .when(platforms: [.macOS]))]),
        // Performing the explorer's file effects, all in one place: loading inputs, kernels and
        // outputs, reading and writing sessions, and every export.
        .target(name: "AtrousExport", dependencies: ["AtrousCore", "AtrousIO", "AtrousExplorer", "AtrousRender"]),
        // Timing of the core, the explorer and the program's start-up, each result checked.
        // Running a program to its end with a clean signal mask, and what it used.
        .target(name: "AtrousProcess"),
        .target(name: "AtrousBench", dependencies: ["AtrousProcess", "AtrousCore", "AtrousIO", "AtrousExplorer", "AtrousRender",
                                                    "AtrousModels", "ONNXProto"]),
        .executableTarget(
            name: "atrous",
            dependencies: [
                "AtrousCore", "AtrousIO", "AtrousExplorer", "AtrousRender", "AtrousTerminal", "AtrousExport",
                "AtrousBench", "AtrousModels",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets: fixture paths, running the built binary, tmux.
        .target(name: "AtrousTestSupport", dependencies: ["AtrousProcess"], path: "Tests/AtrousTestSupport"),
        .testTarget(name: "AtrousCoreTests", dependencies: ["AtrousCore", "CConvolutionKernels"]),
        .testTarget(name: "AtrousIOTests", dependencies: ["AtrousIO", "AtrousTestSupport"]),
        // Reading the model fixtures (made by Tests/Fixtures/models/make_models.py) and their analysis.
        .testTarget(name: "AtrousModelsTests", dependencies: ["AtrousModels", "AtrousCore", "AtrousIO", "AtrousTestSupport"]),
        .testTarget(name: "AtrousExplorerTests", dependencies: ["AtrousExplorer", "AtrousCore", "AtrousIO"]),
        .testTarget(
            name: "AtrousExportTests",
            dependencies: ["AtrousExport", "AtrousExplorer", "AtrousRender", "AtrousIO", "AtrousCore", "AtrousTestSupport"]
        ),
        // The TensorFlow and JAX reference cases, in process.
        .testTarget(name: "ConformanceTests", dependencies: ["AtrousCore", "AtrousIO", "AtrousTestSupport"]),
        // End-to-end tests that run the built `atrous` binary.
        .testTarget(name: "AtrousCLITests", dependencies: ["AtrousIO", "AtrousProcess", "AtrousTestSupport"]),
        .testTarget(name: "AtrousTerminalTests", dependencies: ["AtrousTerminal", "AtrousScreen", "AtrousTestSupport"]),
        // The explorer's program loop on the in-memory terminal, and the key runner of `atrous render`.
        .testTarget(name: "ExplorerAppTests",
                    dependencies: ["atrous", "AtrousExplorer", "AtrousRender", "AtrousTerminal", "AtrousIO", "AtrousExport",
                                   "AtrousTestSupport"]),
        // The real `atrous explore` in tmux: screen, keys, mouse, resize, signals, restore.
        .testTarget(name: "ExplorerEndToEndTests",
                    dependencies: ["AtrousCore", "AtrousIO", "AtrousExplorer", "AtrousRender", "AtrousTerminal",
                                   "AtrousTestSupport"]),
        .testTarget(
            name: "AtrousRenderTests",
            dependencies: [
                "AtrousRender", "AtrousCore", "AtrousExplorer", "AtrousModels", "AtrousTestSupport",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        // Seeded mutations of every file format and random key sequences; ATROUS_FUZZ_COUNT sets the count.
        .testTarget(name: "FuzzTests",
                    dependencies: ["AtrousCore", "AtrousModels", "AtrousIO", "AtrousExplorer", "AtrousRender", "AtrousExport",
                                   "AtrousTestSupport"]),
        .testTarget(name: "AtrousBenchTests",
                    dependencies: ["AtrousBench", "AtrousModels", "AtrousCore", "AtrousExplorer", "AtrousRender", "AtrousTestSupport"]),
    ]
)
