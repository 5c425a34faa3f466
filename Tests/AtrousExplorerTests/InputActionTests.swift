import AtrousCore
import Testing
@testable import AtrousExplorer

@Suite("Input patterns and files")
struct InputActionTests {
    @Test func patternCycleVisitsEveryPatternAndKeepsTheSize() {
        var state = stateAfter([.setInputPattern(.impulse, size: Pair(7, 11))])
        var names: [String] = []
        for _ in InputPattern.cycle {
            update(&state, .cycleInputPattern(.forward))
            names.append(state.inputSource.description)
        }
        #expect(names == ["checkerboard 7x11", "ramp 7x11", "random seed=1 7x11", "glyph char=F 7x11", "impulse 7x11"])
        update(&state, .cycleInputPattern(.backward))
        #expect(state.inputSource == .pattern(.glyph("F"), size: Pair(7, 11)))
    }

    @Test func patternValues() {
        let size = Pair(3, 4)
        #expect(InputPattern.impulse.tensor(size: size).scalars == [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0])
        #expect(InputPattern.checkerboard.tensor(size: size).scalars == [0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1])
        #expect(InputPattern.ramp.tensor(size: size).scalars == (0..<12).map(Double.init))
        let random = InputPattern.random(seed: 7).tensor(size: size)
        #expect(random.shape == [1, 3, 4, 1])
        #expect(random.scalars.allSatisfy { (0...9).contains($0) && $0 == $0.rounded() })
        #expect(random == InputPattern.random(seed: 7).tensor(size: size))
        #expect(random != InputPattern.random(seed: 8).tensor(size: size))
    }

    @Test func glyphIsCentredFromTheFont() throws {
        let glyph = InputPattern.glyph("T").tensor(size: Pair(square: 9))
        let bitmap = try #require(GlyphFont.bitmap(for: "T"))
        for cell in allCells(Pair(square: 9)) {
            let (y, x) = (cell.row - 1, cell.column - 2)
            let inked = bitmap.indices.contains(y) && (0..<5).contains(x) && bitmap[y][x]
            #expect(glyph[0, cell.row, cell.column, 0] == (inked ? 1 : 0), "cell \(cell)")
        }
        #expect(GlyphFont.characters.count == 36)
        #expect(GlyphFont.bitmap(for: "t") == bitmap)
        #expect(GlyphFont.bitmap(for: "%") == nil)
    }

    @Test func setInputPatternReplacesTheInput() {
        let set = stateAfter([.setInputPattern(.checkerboard, size: Pair(6, 8))])
        #expect(set.input == .double(InputPattern.checkerboard.tensor(size: Pair(6, 8))))
        #expect(set.inputSource == .pattern(.checkerboard, size: Pair(6, 8)))
        #expect(set.geometry == coreGeometry(set))
        #expect(set.message == .info("Input checkerboard 6x8."))
    }

    @Test func setInputPatternChecksItsArguments() {
        #expect(stateAfter([.setInputPattern(.ramp, size: Pair(0, 4))]).message
            == .error("A pattern's height and width must be between 1 and 1024, got 0."))
        #expect(stateAfter([.setInputPattern(.glyph("%"), size: nil)]).message
            == .error("The glyph font has no '%'; use a digit or a letter A to Z."))
    }

    @Test func reseedMovesRandomInputsAndKernelsToTheNextSeed() {
        let both = stateAfter([.setInputPattern(.random(seed: 3), size: nil), .setKernelPreset(.random(seed: 9)), .reseed])
        #expect(both.inputSource == .pattern(.random(seed: 4), size: Pair(square: 9)))
        #expect(both.kernelSource == .preset(.random(seed: 10)))
        #expect(both.input == .double(InputPattern.random(seed: 4).tensor(size: Pair(square: 9))))
        #expect(both.message == .info("Input random seed=4 9x9, kernel random seed=10."))
        // One change: one undo brings both back.
        let undone = stateAfter([.undo], from: both)
        #expect(undone.kernelSource == .preset(.random(seed: 9)))
        #expect(undone.inputSource == .pattern(.random(seed: 3), size: Pair(square: 9)))
    }

    @Test func reseedWithNothingRandomSaysSo() {
        let nothing = stateAfter([.reseed])
        #expect(nothing.parameters == ExplorerState().parameters)
        #expect(nothing.message?.text.hasPrefix("Nothing random to reseed") == true)
    }

    @Test func loadInputIsAnEffect() {
        var state = ExplorerState()
        let effects = update(&state, .loadInput(path: "maps/x.npy"))
        #expect(effects == [.loadInput(path: "maps/x.npy")])
        #expect(state.parameters == ExplorerState().parameters)
        #expect(state.message == .info("Loading maps/x.npy…"))
    }

    @Test func inputLoadedTakesAnyFeatureMapRank() throws {
        let loaded = Tensor<Double>(shape: [5, 6]) { Double($0[0] * 6 + $0[1]) }
        let state = stateAfter([.inputLoaded(.double(loaded), path: "x.csv")])
        #expect(state.inputShape == FeatureMapShape(batch: 1, height: 5, width: 6, channels: 1))
        #expect(state.input.doubles.scalars == loaded.scalars)
        #expect(state.inputSource == .file(path: "x.csv"))
        #expect(state.message == .info("Input x.csv (5, 6)."))
        #expect(state.geometry == coreGeometry(state))
    }

    @Test func aLoadedImageWithChannelsRebuildsTheKernel() throws {
        let rgb = Tensor<Double>(shape: [4, 4, 3]) { Double($0[0] + 10 * $0[2]) }
        let loaded = stateAfter([.setKernelPreset(.gaussian), .inputLoaded(.double(rgb), path: "rgb.npy")])
        #expect(loaded.kernelShape == KernelShape(height: 3, width: 3, inputChannels: 3, outputChannels: 3))
        #expect(loaded.kernel == KernelPreset.gaussian.tensor(size: Pair(square: 3), channels: 3))
        #expect(loaded.message == .note("The gaussian kernel was rebuilt for 3 input channels."))
        #expect(loaded.channelCount == 3)
        // Back to a single-channel pattern, the kernel follows.
        let back = stateAfter([.cycleInputPattern(.forward)], from: loaded)
        #expect(back.kernelShape.inputChannels == 1)
        #expect(back.inputShape.spatial == Pair(square: 4))
    }

    @Test func aWrongRankIsRefused() {
        let refused = stateAfter([.inputLoaded(.double(Tensor(shape: [4], repeating: 1)), path: "v.npy")])
        #expect(refused.parameters == ExplorerState().parameters)
        #expect(refused.message == .error("v.npy: " + ConvolutionError.inputRank(shape: [4]).description))
    }

    @Test func loadFailedShowsTheError() {
        let failed = stateAfter([.loadFailed(message: "Cannot read x.npy: no such file.")])
        #expect(failed.message == .error("Cannot read x.npy: no such file."))
        #expect(failed.parameters == ExplorerState().parameters)
    }
}
