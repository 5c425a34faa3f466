@testable import atrous
import AtrousCore
import AtrousExplorer
import AtrousExport
import AtrousIO
import AtrousTestSupport
import Testing

/// The flags `explore` and `render` share, read through the command's own parser.
@Suite("The explorer's flags")
struct ExplorerOptionsTests {
    func state(_ arguments: [String]) throws -> ExplorerState {
        try ExplorerOptions.parse(arguments).initialState(performer: EffectPerformer())
    }

    @Test func noFlagsIsTheBuiltInExample() throws {
        #expect(try state([]) == ExplorerState())
    }

    @Test(arguments: [
        ("checkerboard", InputSource.pattern(.checkerboard, size: Pair(square: 9))),
        ("checkerboard:16x16", .pattern(.checkerboard, size: Pair(square: 16))),
        ("ramp:5x7", .pattern(.ramp, size: Pair(5, 7))),
        ("random:12x12:seed=7", .pattern(.random(seed: 7), size: Pair(square: 12))),
        ("glyph:char=a", .pattern(.glyph("A"), size: Pair(square: 9))),
    ])
    func patternsTakeTheInputCommandsArgumentsAfterColons(value: String, source: InputSource) throws {
        #expect(try state(["--input", value]).inputSource == source)
    }

    @Test func layerFlagsApplyOverTheExampleAndLeaveNoUndo() throws {
        let state = try state(["--kernel", "gaussian", "--kernel-size", "5x3", "--rate", "3,1", "--stride", "2",
                               "--padding", "valid", "--fill", "reflect", "--input", "ramp:20x20"])
        #expect(state.spec == LayerSpec(kernelSize: Pair(5, 3), rate: Pair(3, 1), stride: Pair(square: 2),
                                        padding: .valid, fill: .reflect))
        #expect(state.kernelSource == .preset(.gaussian))
        #expect(state.history == UndoHistory())
        var undone = state
        update(&undone, .undo)
        #expect(undone.parameters == state.parameters)
    }

    @Test func seedsAndSizesGoThroughTheKernelCommand() throws {
        #expect(try state(["--kernel", "random:seed=4"]).kernelSource == .preset(.random(seed: 4)))
        #expect(try state(["--kernel", "5"]).spec.kernelSize == Pair(square: 5))
    }

    @Test func filesAreReadAsInputAndKernel() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = Tensor<Float>(shape: [6, 7]) { Float($0[0] * 7 + $0[1]) }
        let kernel = Tensor<Double>(shape: [2, 2], scalars: [1, -1, 2, 0.5])
        try ArrayFile.write(input, to: directory.path("x.npy"), overwrite: false)
        try ArrayFile.write(kernel, to: directory.path("k.csv"), overwrite: false)
        let state = try state(["--input", directory.path("x.npy"), "--kernel", directory.path("k.csv")])
        #expect(state.inputSource == .file(path: directory.path("x.npy")))
        #expect(state.input == .float(input.reshaped([1, 6, 7, 1])), "a float32 file stays float32")
        #expect(state.kernel == kernel.reshaped([2, 2, 1, 1]))
        #expect(state.spec.kernelSize == Pair(square: 2))
        // Rate 2 and same padding still hold from the example.
        #expect(state.spec.rate == Pair(square: 2) && state.spec.padding == .same)
        #expect(state.configurationError == nil)
    }

    @Test(arguments: [
        (["--rate", "600"], "Cannot use --rate 600: the rate must be between 1 and 512, got 600."),
        (["--kernel-size", "12"], "Cannot use --kernel-size 12: the kernel size must be between 1 and 11, got 12."),
        (["--input", "checkerbord"], "Cannot use --input checkerbord: unknown input pattern 'checkerbord'; use impulse, "
            + "checkerboard, ramp, random or glyph."),
        (["--input", "ramp:0x4"], "Cannot use --input ramp:0x4: a pattern's height and width must be between 1 and 1024, got 0."),
        (["--kernel", "sobel"], "Cannot use --kernel sobel: unknown kernel 'sobel'; use a size such as 5 or 5x3, or one of "
            + "box, identity, gaussian, sobel-x, sobel-y, laplacian or random."),
        (["--padding", "1,2,3,99"], "Cannot use --padding 1,2,3,99: explicit padding must be between 0 and 64 cells per "
            + "side, got 99."),
        // A negative number is the flag's value, not an option of its own.
        (["--padding", "-1,-1,0,0"], "Cannot use --padding -1,-1,0,0: explicit padding must be between 0 and 64 cells "
            + "per side, got -1."),
        (["--rate", "-2"], "Cannot use --rate -2: the rate must be between 1 and 512, got -2."),
        (["--stride", "-1x2"], "Cannot use --stride -1x2: the stride must be between 1 and 8, got -1."),
    ])
    func refusedValuesAreOneSentenceNamingTheFlag(arguments: [String], message: String) throws {
        let options = try ExplorerOptions.parse(arguments)
        #expect(throws: ExplorerOptionError.self) { try options.initialState(performer: EffectPerformer()) }
        do {
            _ = try options.initialState(performer: EffectPerformer())
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func impossibleCombinationsStartTheExplorerShowingWhy() throws {
        let state = try state(["--padding", "valid", "--rate", "5"])
        #expect(state.configurationError != nil)
        #expect(state.message?.kind == .error)
    }

    @Test func unreadableFilesAndStandardInputAreRefused() throws {
        #expect(throws: ExplorerFileError.self) { try state(["--input", "missing.npy"]) }
        #expect(throws: ExplorerFileError.standardInputIsTheKeyboard) { try state(["--input", "-"]) }
    }

    @Test(arguments: [("x.npy", true), ("data/x", true), ("-", true), ("checkerboard:16x16", false), ("box", false)])
    func aDotOrASlashNamesAFile(value: String, isFile: Bool) {
        #expect(ExplorerOptions.namesFile(value) == isFile)
    }
}

@Suite("Effects and the driver")
struct ExplorerDriverTests {
    @Test func loadingAFileReplacesTheInput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let array = Tensor<Double>(shape: [4, 5]) { Double($0[0] - $0[1]) }
        try ArrayFile.write(array, to: directory.path("a.npy"), overwrite: false)
        var driver = ExplorerDriver(state: ExplorerState())
        driver.send(.loadInput(path: directory.path("a.npy")))
        #expect(driver.state.inputSource == .file(path: directory.path("a.npy")))
        #expect(driver.state.input == .double(array.reshaped([1, 4, 5, 1])))
    }

    @Test func aFailedLoadLeavesTheInputAndSaysWhy() {
        var driver = ExplorerDriver(state: ExplorerState())
        driver.send(.loadInput(path: "no-such-file.npy"))
        #expect(driver.state.input == ExplorerState().input)
        #expect(driver.state.message == .error("Cannot read no-such-file.npy: no such file or directory."))
        driver.send(.loadInput(path: "-"))
        #expect(driver.state.message == .error(ExplorerFileError.standardInputIsTheKeyboard.description))
    }

    @Test func quitStopsEverythingAfterIt() throws {
        var driver = ExplorerDriver(state: ExplorerState())
        for key in try KeyNotation.parse("r:q<Enter>r") { driver.press(key) }
        #expect(driver.hasQuit)
        #expect(driver.state.spec.rate == Pair(square: 3))
    }
}
