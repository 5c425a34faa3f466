import AtrousCore
import AtrousExplorer
import SnapshotTesting
import Testing
@testable import AtrousRender

/// The layers overview and the stacked layers' panels, in whole frames as `render` draws them.
struct LayersOverviewPanelTests {
    static func frame(_ actions: [ExplorerAction], size: Size = Size(width: 100, height: 30)) -> CellBuffer {
        render(StackFixtures.state(actions), size: size, colors: false)
    }

    @Test func griddingConeHasHolesInEveryStage() {
        let frame = Self.frame([.loadStackPreset(.gridding), .cycleLayersOverview])
        assertSnapshot(of: frame.text, as: .lines)
        #expect(frame.lines[1].contains("In 4–27×5–27") && frame.lines[1].contains("L3 4–27×5–27"))
        // The input's cone: seven marks two columns apart, rows two apart, nothing between.
        let marked = frame.lines.filter { $0.prefix(24).contains("•") }
        #expect(marked.count == 7)
        #expect(marked.allSatisfy { $0.prefix(24).filter { $0 == "•" }.count == 7 })
    }

    @Test func hdcConeIsSolidOnTheInput() {
        let frame = Self.frame([.loadStackPreset(.hdc), .cycleLayersOverview], size: Size(width: 120, height: 40))
        assertSnapshot(of: frame.text, as: .lines)
        let tile = frame.lines.dropFirst(2).map { String($0.prefix(15)) }
        #expect(tile.contains("•••••••••••••••"), "a whole row of the input tile is in the cone")
    }

    @Test func theSharedScaleIsNamed() {
        let frame = Self.frame([.loadStackPreset(.gridding), .cycleLayersOverview, .cycleLayersOverview])
        #expect(frame.lines[0].hasPrefix("Layers overview · 3 layers · one scale"))
        #expect(!Self.frame([.loadStackPreset(.gridding)]).text.contains("Layers overview"))
    }

    @Test func layerThreeShowsLayerTwosOutputAsItsInput() {
        let frame = Self.frame([.setInputPattern(.random(seed: 3), size: Pair(square: 20)), .loadStackPreset(.gridding),
                                .selectLayer(2)], size: Size(width: 120, height: 40))
        assertSnapshot(of: frame.text, as: .lines)
        #expect(frame.lines[0].hasPrefix("Layer 2 output 33x33"), "a pattern is redrawn at the preset's size")
    }

    @Test func mapsWithoutRoomAreCountedInTheHeader() {
        let state = StackFixtures.state([.loadStackPreset(.gridding), .cycleLayersOverview])
        let panel = LayersOverviewPanel(state: state, palette: .monochrome)
        let tiny = CellBuffer.rendering(panel, size: Size(width: 80, height: 2))
        #expect(tiny.lines[0].hasPrefix("Layers · own scales · 4 of 4 maps do not fit: enlarge the terminal"))
        let roomy = CellBuffer.rendering(panel, size: Size(width: 100, height: 20))
        #expect(!roomy.lines[0].contains("do not fit"))
    }

    @Test func aWideMapShowsAWindowNamedInItsTitle() {
        let tiling = Tiling(count: 4, area: Rect(x: 0, y: 0, width: 100, height: 20), largest: Pair(48, 48))
        #expect(tiling.columns == 4 && tiling.cellWidth == 1)
        #expect(LayersOverviewPanel.window(48, room: 10, around: 45) == 38..<48)
        #expect(LayersOverviewPanel.window(48, room: 10, around: nil) == 19..<29)
        #expect(LayersOverviewPanel.window(8, room: 10, around: 3) == 0..<8)
    }

    @Test func aReLULayersLineShowsTheSumAndWhatReLUMakesOfIt() throws {
        // One weight of -1 over an impulse: the sum at the impulse is -1, which ReLU makes 0.
        let state = StackFixtures.state([.setKernelSize(Pair(square: 1)), .setWeight(row: 0, column: 0, value: -1),
                                         .setActivation(.relu), .selectOutputCell(row: 4, column: 4)])
        #expect(state.taps?.sum == -1 && state.output?[0, 4, 4, 0] == 0)
        let line = render(state, size: Size(width: 100, height: 30), colors: false).lines[26]
        #expect(line.hasPrefix("y[4,4] = -1·1 = -1 → ReLU 0"), "\(line)")
    }
}
