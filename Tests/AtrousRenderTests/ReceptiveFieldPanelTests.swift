import AtrousCore
import AtrousExplorer
import SnapshotTesting
import Testing
@testable import AtrousRender

/// The receptive-field panel as the explorer shows it, from states reached by the explorer's
/// own actions.
struct ReceptiveFieldPanelTests {
    static let classic = Size(width: 80, height: 20)
    static let thirdColumn = Size(width: 35, height: 36)

    static func panel(_ state: ExplorerState, size: Size, colors: Bool = false) -> CellBuffer {
        CellBuffer.rendering(ReceptiveFieldPanel(state: state, palette: Palette(colors: colors)), size: size)
    }

    static var gridding: ExplorerState { StackFixtures.state([.loadStackPreset(.gridding)]) }

    static var hybrid: ExplorerState {
        get throws { try StackFixtures.state(input: Pair(square: 33), ["k=3,r=1", "k=3,r=2", "k=3,r=5"], at: GridPosition(row: 16, column: 16)) }
    }

    static var wavenet: ExplorerState { StackFixtures.state([.loadStackPreset(.wavenet)]) }

    // MARK: - The test: gridding grids, 1,2,5 covers

    /// The rows of the side-by-side panel's map: left of the text column (whose title starts
    /// on the first row), below the map's title and above its legend.
    static func pictureRows(_ buffer: CellBuffer) -> [String] {
        let first = buffer.lines[0]
        let textColumn = first.range(of: "Stack of").map { first.distance(from: first.startIndex, to: $0.lowerBound) } ?? 0
        return buffer.lines.dropFirst().map { String($0.prefix(textColumn)) }.filter { !$0.contains("paths") }
    }

    @Test func ratesTwoTwoTwoVisiblyGridAndTheVerdictSaysSo() throws {
        let state = Self.gridding
        let analysis = try #require(state.stack.analysis)
        let buffer = Self.panel(state, size: Self.classic)
        let picture = Self.pictureRows(buffer).joined(separator: "\n")
        #expect(picture.filter { $0 == "·" }.count == analysis.coverage.holes)
        #expect(picture.contains("░░ ·░░ ·░░"), "paths and holes alternate, holes under their index")
        #expect(picture.contains("· · · · · · · · · · · · ·"), "whole rows of holes")
        let text = buffer.text
        #expect(text.contains("120 holes (·),"))
        #expect(text.contains("but common factor 2: grids."))
    }

    @Test func ratesOneTwoFiveCoverTheFieldAndTheVerdictSaysSo() throws {
        let state = try Self.hybrid
        let analysis = try #require(state.stack.analysis)
        #expect(analysis.coverage.holes == 0)
        let buffer = Self.panel(state, size: Self.classic)
        let picture = Self.pictureRows(buffer)
        // The 17x17 field fits the panel's 20 rows under the picture's title and indices.
        let fieldRows = picture.filter { $0.contains("█") || $0.contains("▓") || $0.contains("▒") || $0.contains("░") }
        #expect(fieldRows.count == 17)
        #expect(fieldRows.allSatisfy { $0.filter { HeatPalette.shades.dropFirst().contains($0) }.count == 2 * 17 },
                "every cell of every row reached, two columns a cell")
        #expect(!picture.joined().contains("·"), "no hole anywhere")
        let text = buffer.text
        #expect(text.contains("Reached all 289 cells: no holes."))
        #expect(text.contains("no common factor: no gridding."))
    }

    // MARK: - Arrangement and the hook

    @Test func theWholeBodyPutsThePictureLeftAndTheThirdColumnPutsItBelow() {
        let wide = Self.panel(Self.gridding, size: Self.classic)
        #expect(wide.lines[0].hasPrefix("Paths into output cell (16, 16)"))
        #expect(wide.lines[0].contains("Stack of 3 layers on 33x33 → 33x33"))
        let narrow = Self.panel(Self.gridding, size: Self.thirdColumn)
        #expect(narrow.lines[0].hasPrefix("Stack of 3 layers on 33x33 → 33x33"))
        let pictureTitle = narrow.lines.firstIndex { $0.hasPrefix("Paths into output cell (16, 16)") }
        let lastText = narrow.lines.lastIndex { $0.hasPrefix("o add · x remove") }
        #expect(pictureTitle != nil && lastText != nil && pictureTitle! > lastText!)
    }

    @Test func theHookGivesThePanelOnlyWhileTheViewIsShown() throws {
        #expect(receptiveFieldWidget(for: ExplorerState(), palette: .monochrome) == nil)
        let state = Self.gridding
        let widget = try #require(receptiveFieldWidget(for: state, palette: .monochrome))
        var buffer = CellBuffer(size: Self.classic)
        buffer.render(widget, in: buffer.area)
        #expect(buffer == Self.panel(state, size: Self.classic))
    }

    @Test func theViewsOwnCellNamesItsOwnKeys() throws {
        let state = try StackFixtures.state(input: Pair(square: 9), ["k=3,p=valid", "k=3,p=valid"], at: .origin)
        #expect(!state.stack.followsPosition)
        #expect(Self.panel(state, size: Self.classic).text.contains("H J K L move this cell"))
        #expect(Self.panel(Self.gridding, size: Self.classic).text.contains("h j k l move the cell"))
    }

    @Test(arguments: [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 10, height: 3), Size(width: 69, height: 5),
                      Size(width: 70, height: 2)])
    func tinyAreasNeverTrap(size: Size) {
        for state in [Self.gridding, Self.wavenet, StackFixtures.state([.toggleStackView])] {
            #expect(Self.panel(state, size: size, colors: true).size == size)
        }
    }

    // MARK: - Snapshots, checked by eye when recorded

    @Test(arguments: [classic, thirdColumn])
    func griddingSnapshot(size: Size) {
        assertSnapshot(of: Self.panel(Self.gridding, size: size).text, as: .lines, named: size.description)
    }

    @Test(arguments: [classic, thirdColumn])
    func hybridSnapshot(size: Size) throws {
        assertSnapshot(of: Self.panel(try Self.hybrid, size: size).text, as: .lines, named: size.description)
    }

    @Test(arguments: [classic, thirdColumn])
    func wavenetTreeSnapshot(size: Size) {
        assertSnapshot(of: Self.panel(Self.wavenet, size: size).text, as: .lines, named: size.description)
    }

    @Test func wavenetInMiniatureSnapshot() throws {
        let state = try StackFixtures.state(input: Pair(1, 16), PathTreeViewTests.wavenetInMiniature,
                                            at: GridPosition(row: 0, column: 15))
        assertSnapshot(of: Self.panel(state, size: Self.classic).text, as: .lines)
    }

    /// The colour panels in ANSI: `cat` the snapshots in a terminal to see them.
    @Test func colourSnapshotsInANSI() throws {
        assertSnapshot(of: Self.panel(Self.gridding, size: Self.classic, colors: true).ansi, as: .lines, named: "gridding")
        assertSnapshot(of: Self.panel(Self.wavenet, size: Self.thirdColumn, colors: true).ansi, as: .lines, named: "wavenet")
    }
}
