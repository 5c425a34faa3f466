import AtrousCore
import Testing
@testable import AtrousExplorer

@Suite("The default state")
struct DefaultStateTests {
    let state = ExplorerState()

    @Test func isTheSeedExampleInMiniature() {
        #expect(state.inputShape == FeatureMapShape(batch: 1, height: 9, width: 9, channels: 1))
        #expect(state.inputSource == .pattern(.impulse, size: Pair(square: 9)))
        #expect(state.kernelShape == KernelShape(height: 3, width: 3, inputChannels: 1, outputChannels: 1))
        #expect(state.kernelSource == .preset(.box))
        #expect(state.spec == LayerSpec(kernelSize: Pair(square: 3), rate: Pair(square: 2), padding: .same, fill: .zeros))
        #expect(state.position == .origin)
        #expect(state.mode == .normal)
        #expect(!state.playback.isPlaying)
        #expect(state.configurationError == nil)
        #expect(!state.history.canUndo)
    }

    @Test func derivedValuesComeFromTheCore() throws {
        let convolution = try Convolution(kernel: state.kernel, rate: state.spec.rate, padding: .same)
        #expect(state.geometry == coreGeometry(state))
        #expect(state.output == .double(try convolution(state.input.doubles)))
        #expect(state.taps == (try convolution.taps(of: state.input.doubles, row: 0, column: 0)))
        #expect(state.notes == FrameworkNote.notes(for: try #require(state.geometry)))
    }

    @Test func theOutputShowsTheDilatedFootprint() throws {
        // An impulse under a box of ones: output cells whose taps (spaced by the rate) land on
        // the centre are 1, every other cell 0, so the holes of the dilated kernel show.
        let centre = 4, rate = 2
        for cell in allCells(Pair(square: 9)) {
            let hit = [cell.row, cell.column].allSatisfy { o in (0..<3).contains { o - 2 + rate * $0 == centre } }
            #expect(outputValue(state, at: cell) == (hit ? 1 : 0), "cell \(cell)")
        }
    }

    @Test func theFirstCellReadsThePadding() throws {
        let taps = try #require(state.taps)
        #expect(taps.taps.contains { $0.source.isPadding })
        #expect(taps.taps.contains { !$0.source.isPadding })
    }

    @Test func tapsSumToTheOutputAtEveryPosition() throws {
        var state = state
        let size = try #require(state.geometry).outputSize
        for cell in allCells(size) {
            update(&state, .selectOutputCell(row: cell.row, column: cell.column))
            let taps = try #require(state.taps)
            #expect(taps.outputRow == cell.row && taps.outputColumn == cell.column)
            #expect(isClose(taps.sum, try #require(outputValue(state, at: cell))), "cell \(cell)")
        }
    }

    @Test func positionCounting() {
        #expect(state.positionCount == 81)
        #expect(state.positionNumber == 1)
        #expect(state.channelCount == 1)
        #expect(state.currentValue == outputValue(state, at: .origin))
    }
}
