import AtrousCore
import Testing
@testable import AtrousRender

struct PathCountMapViewTests {
    @Test func oneDilatedLayerShowsItsTapsAndTheHolesBetween() throws {
        let analysis = try StackFixtures.analysis(Pair(square: 7), ["k=3,r=2"], at: Pair(3, 3))
        let buffer = CellBuffer.rendering(PathCountMapView(analysis: analysis, palette: .monochrome),
                                          size: Size(width: 32, height: 10))
        expectPicture(buffer, """
        Paths into output cell (3, 3)
           0 1 2 3 4 5 6
        0
        1   ██ ·██ ·██
        2    · · · · ·
        3   ██ ·██ ·██
        4    · · · · ·
        5   ██ ·██ ·██
        6
        ░▒▓█ 1 path  · hole  × padding
        """)
    }

    @Test func eachMarkHasItsStyleInMonochrome() throws {
        let analysis = try StackFixtures.analysis(Pair(square: 7), ["k=3,r=2"], at: Pair(3, 3))
        let palette = Palette.monochrome
        let buffer = CellBuffer.rendering(PathCountMapView(analysis: analysis, palette: palette), size: Size(width: 32, height: 10))
        // Row 1 of the input is screen row 3; column c starts at screen column 2 + 2c.
        #expect(buffer[4, 3] == Cell("█", style: .plain))
        #expect(buffer[7, 3] == Cell("·", style: palette.hole), "under its column index")
        #expect(buffer[8, 5] == Cell("█", style: Style(bold: true, underline: true)), "the field's centre")
        #expect(buffer[2, 3] == Cell(" ", style: .plain), "outside the field's box")
    }

    @Test func griddingShowsAHoleAtEveryOddOffset() throws {
        // Two 3x3 layers at rate 2: per axis 1,2,3,2,1 paths at even offsets, none at odd ones.
        let analysis = try StackFixtures.analysis(Pair(square: 9), ["k=3,r=2", "k=3,r=2"], at: Pair(4, 4))
        let buffer = CellBuffer.rendering(PathCountMapView(analysis: analysis, palette: .monochrome),
                                          size: Size(width: 20, height: 14))
        expectPicture(buffer, """
        Paths into (4, 4)
           -1    5
        -1
         0  ░·░·▒·░·░
         1  ·········
         2  ░·▒·▓·▒·░
         3  ·········
         4  ▒·▓·█·▓·▒
         5  ·········
         6  ░·▒·▓·▒·░
         7  ·········
         8  ░·░·▒·░·░
         9
        ░▒▓█ 1..9 paths
        """)
    }

    @Test func theFieldInThePaddingIsCrossed() throws {
        let analysis = try StackFixtures.analysis(Pair(square: 5), ["k=3,r=2"], at: Pair(0, 0))
        let buffer = CellBuffer.rendering(PathCountMapView(analysis: analysis, palette: .monochrome),
                                          size: Size(width: 32, height: 10))
        expectPicture(buffer, """
        Paths into output cell (0, 0)
           -3     0 1 2 3
        -3
        -2    × × × × ×
        -1    × × × × ×
         0    × ×██ ·██
         1    × × · · ·
         2    × ×██ ·██
         3
        ░▒▓█ 1 path  · hole  × padding
        """)
        #expect(buffer[5, 3]?.style == Palette.monochrome.padding)
    }

    /// Every hole the core counts is drawn, and nothing else is drawn as a hole.
    @Test(arguments: [
        ["k=3,r=2", "k=3,r=2", "k=3,r=2"], ["k=3,r=1", "k=3,r=2", "k=3,r=5"], ["k=3,r=2", "k=3,r=5"],
        ["k=3x1,r=3x1", "k=1x3,r=1x2"], ["k=2,r=3", "k=3,s=2,r=2"],
    ])
    func theDrawnHolesAreTheCoresHoles(layers: [String]) throws {
        let analysis = try StackFixtures.analysis(Pair(square: 33), layers, at: Pair(16, 16))
        let view = PathCountMapView(analysis: analysis, palette: .monochrome)
        let buffer = CellBuffer.rendering(view, size: Size(width: 80, height: 40))
        let grid = view.layout(in: Rect(x: 0, y: 1, width: 80, height: view.naturalHeight - 2))
        #expect(grid.visibleRows == grid.rows && grid.visibleColumns == grid.columns, "the whole box shows")
        var drawn: [Character] = []
        for row in grid.visibleRows {
            for column in grid.visibleColumns {
                // Marks sit in the cell's last column, under its right-aligned index.
                if let rect = grid.rect(row: row, column: column), let cell = buffer[rect.maxX - 1, rect.y] {
                    drawn.append(cell.character)
                }
            }
        }
        #expect(drawn.filter { $0 == "·" }.count == analysis.coverage.holes)
        #expect(drawn.filter { HeatPalette.shades.dropFirst().contains($0) }.count == analysis.coverage.reached)
    }

    @Test func colourDrawsCountsAsBackgroundsOnTheSequentialRamp() throws {
        let analysis = try StackFixtures.analysis(Pair(square: 9), ["k=3,r=2", "k=3,r=2"], at: Pair(4, 4))
        let palette = Palette.color
        let buffer = CellBuffer.rendering(PathCountMapView(analysis: analysis, palette: palette), size: Size(width: 40, height: 14))
        // Input (4, 4) holds the most paths (9): the lightest colour; (0, 0) one path, the darkest.
        // Columns are two wide from screen column 3; input row r is screen row r + 3.
        let scale = HeatScale.sequential(limit: 9)
        #expect(buffer[3 + 2 * 5, 7]?.style.background == palette.heat.background(for: 9, scale: scale))
        #expect(buffer[3 + 2 * 1, 3]?.style.background == palette.heat.background(for: 1, scale: scale))
        #expect(buffer[3 + 2 * 2 + 1, 3] == Cell("·", style: palette.hole))
    }

    @Test func aLargeFieldIsCroppedAroundItsCentreNeverScaled() throws {
        let analysis = try StackFixtures.analysis(Pair(square: 49), ["k=3,r=1", "k=3,r=2", "k=3,r=5", "k=3,r=1", "k=3,r=2",
                                                                     "k=3,r=5"], at: Pair(24, 24))
        let view = PathCountMapView(analysis: analysis, palette: .monochrome)
        let buffer = CellBuffer.rendering(view, size: Size(width: 40, height: 12))
        let grid = view.layout(in: Rect(x: 0, y: 1, width: 40, height: 10))
        #expect(grid.cellWidth == 1)
        #expect(grid.visibleRows == 20..<29, "nine rows around the centre, row 24")
        #expect(grid.visibleColumns == grid.columns)
        #expect(buffer.lines[0] == "Paths into (24, 24), 9x33 of 33x33 shown")
        let narrow = CellBuffer.rendering(view, size: Size(width: 30, height: 12))
        #expect(narrow.lines[0] == "(24, 24), 9x27 of 33x33 shown".rightPadded(to: 30), "narrow, the crop is still said")
    }

    @Test(arguments: [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 6, height: 2), Size(width: 12, height: 3)])
    func tinyAreasNeverTrap(size: Size) throws {
        let analysis = try StackFixtures.analysis(Pair(square: 9), ["k=3,r=2"], at: Pair(0, 0))
        #expect(CellBuffer.rendering(PathCountMapView(analysis: analysis, palette: .color), size: size).size == size)
    }
}
