import Testing
import AtrousCore
@testable import AtrousRender
import AtrousExplorer

struct OutputPanelTests {
    /// A 3x3 box of ones convolved with SAME padding over an impulse at the centre of a 5x5
    /// input: ones wherever the box covers the impulse, the 3x3 middle.
    let boxOverImpulse = Tensor<Double>(shape: [5, 5]) { abs($0[0] - 2) <= 1 && abs($0[1] - 2) <= 1 ? 1 : 0 }

    @Test func valuesWithTheCurrentCellAndTheReachedCellsMarked() {
        let palette = Palette.monochrome
        let panel = OutputPanel(output: .double(boxOverImpulse), current: GridPosition(row: 2, column: 2),
                                reached: [GridPosition(row: 1, column: 1), GridPosition(row: 3, column: 3)], palette: palette)
        let buffer = CellBuffer.rendering(panel, size: Size(width: 17, height: 7))
        expectPicture(buffer, """
        Output 5x5
            0  1  2  3  4
        0   0  0  0  0  0
        1   0  1  1  1  0
        2   0  1  1  1  0
        3   0  1  1  1  0
        4   0  0  0  0  0
        """)
        let legend: [Character: Style] = ["H": palette.header, "i": palette.index, ".": .plain,
                                          "C": palette.current, "R": palette.reached]
        #expect(buffer.stylePicture(legend) == """
        HHHHHHHHHH.......
        ..iiiiiiiiiiiiiii
        i................
        i....RRR.........
        i.......CCC......
        i..........RRR...
        i................
        """)
    }

    @Test func heatMapMarksTheCurrentCellWithBrackets() {
        let output = Tensor<Double>(shape: [2, 2], scalars: [0, 1, 2, 4])
        let panel = OutputPanel(output: .double(output), current: GridPosition(row: 0, column: 0), mode: .heat, palette: .monochrome)
        expectPicture(CellBuffer.rendering(panel, size: Size(width: 10, height: 4)), """
        Output 2x2
           0 1
        0 []░░
        1 ▒▒██
        """)
    }

    @Test func signedHeatMapShowsNegativesWithTheirOwnStrokes() {
        let output = Tensor<Double>(shape: [2, 2], scalars: [-4, -1, 0, 4])
        let panel = OutputPanel(output: .double(output), reached: [GridPosition(row: 1, column: 1)], mode: .heat, palette: .monochrome)
        expectPicture(CellBuffer.rendering(panel, size: Size(width: 10, height: 4)), """
        Output 2x2
           0 1
        0 ■■--
        1   ()
        """)
        let coloured = CellBuffer.rendering(OutputPanel(output: .double(output), mode: .heat, palette: .color),
                                            size: Size(width: 10, height: 4))
        #expect(coloured[2, 2]?.style.background == .indexed(21))
        #expect(coloured[4, 3]?.style.background == .indexed(196))
    }

    /// 1…9: on four shades, 1-2 light, 3-4 medium, 5-6 dark, 7-9 full.
    let oneToNine = Tensor<Double>(shape: [3, 3]) { Double($0[0] * 3 + $0[1] + 1) }

    @Test func bothModePutsTheHeatMapBesideTheValuesWhenItFits() {
        let panel = OutputPanel(output: .double(oneToNine), current: GridPosition(row: 1, column: 1), mode: .both, palette: .monochrome)
        expectPicture(CellBuffer.rendering(panel, size: Size(width: 21, height: 5)), """
        Output 3x3
            0  1  2     0 1 2
        0   1  2  3  0 ░░░░▒▒
        1   4  5  6  1 ▒▒[]▓▓
        2   7  8  9  2 ██████
        """)
    }

    @Test func bothModeStacksTheHeatMapOnANarrowTallPanel() {
        let panel = OutputPanel(output: .double(oneToNine), current: GridPosition(row: 1, column: 1), mode: .both, palette: .monochrome)
        expectPicture(CellBuffer.rendering(panel, size: Size(width: 12, height: 10)), """
        Output 3x3
            0  1  2
        0   1  2  3
        1   4  5  6
        2   7  8  9

           0 1 2
        0 ░░░░▒▒
        1 ▒▒[]▓▓
        2 ██████
        """)
    }

    @Test func bothModeKeepsOnlyTheValuesWithoutRoom() {
        let panel = OutputPanel(output: .double(oneToNine), mode: .both, palette: .monochrome)
        let buffer = CellBuffer.rendering(panel, size: Size(width: 12, height: 5))
        #expect(buffer.text == "Output 3x3\n    0  1  2\n0   1  2  3\n1   4  5  6\n2   7  8  9")
    }

    @Test func largeOutputsScrollToTheCurrentCell() {
        let output = Tensor<Double>(shape: [10, 10]) { Double($0[1]) }
        let panel = OutputPanel(output: .double(output), current: GridPosition(row: 9, column: 9), palette: .monochrome)
        expectPicture(CellBuffer.rendering(panel, size: Size(width: 12, height: 4)), """
        Output 1… ↑←
            7  8  9
        8   7  8  9
        9   7  8  9
        """)
    }
}

struct GridLabelTests {
    /// Two-column heat cells fit one-digit indices; 10 would touch 9, so it waits for 15.
    @Test func wideIndicesKeepABlankFromTheLabelBefore() {
        let grid = GridLayout(area: Rect(x: 0, y: 0, width: 40, height: 2), rows: 0..<1, columns: 0..<16, cellWidth: 2)
        var buffer = CellBuffer(size: Size(width: 40, height: 2))
        grid.drawLabels(into: &buffer, style: .plain)
        #expect(buffer.lines[0] == "   0 1 2 3 4 5 6 7 8 9          15      ")
    }
}
