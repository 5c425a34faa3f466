import Testing
import AtrousCore
@testable import AtrousRender
import AtrousExplorer

struct KernelPanelTests {
    let oneToNine = Tensor<Double>(shape: [3, 3]) { Double($0[0] * 3 + $0[1] + 1) }

    @Test func weightsSitBesideTheirDilatedFootprint() {
        let panel = KernelPanel(kernel: oneToNine, rate: Pair(square: 2), palette: .monochrome)
        expectPicture(CellBuffer.rendering(panel, size: Size(width: 24, height: 7)), """
        Kernel 3x3 r2 → 5x5
             0   1   2
        0  a 1 b 2 c 3   a·b·c
        1  d 4 e 5 f 6   ·····
        2  g 7 h 8 i 9   d·e·f
                         ·····
                         g·h·i
        """)
    }

    @Test func theSelectedWeightIsMarkedInBothGrids() {
        let palette = Palette.monochrome
        let panel = KernelPanel(kernel: oneToNine, rate: Pair(square: 2), selection: GridPosition(row: 1, column: 2),
                                palette: palette)
        let buffer = CellBuffer.rendering(panel, size: Size(width: 24, height: 7))
        // Weight f is row 1, column 2: screen columns 10-13 of row 3; its tap sits at footprint (2, 4).
        for x in 10...13 { #expect(buffer[x, 3]?.style == palette.selected) }
        #expect(buffer[21, 4] == Cell("f", style: palette.selected))
        #expect(buffer[17, 2] == Cell("a", style: palette.footprintTap))
        #expect(buffer[16, 3] == Cell(" ", style: .plain))
        #expect(buffer[18, 3] == Cell("·", style: palette.footprintHole))
    }

    @Test func unequalRatesStretchOnlyTheirAxis() {
        let kernel = Tensor<Double>(shape: [2, 2]) { Double($0[0] * 2 + $0[1] + 1) }
        let panel = KernelPanel(kernel: kernel, rate: Pair(1, 3), palette: .monochrome)
        expectPicture(CellBuffer.rendering(panel, size: Size(width: 30, height: 4)), """
        Kernel 2x2 · rate 1x3 → 2x4
             0   1
        0  a 1 b 2   a · · b
        1  c 3 d 4   c · · d
        """)
    }

    @Test func aNarrowPanelDrawsTheFootprintOneColumnPerCell() {
        let panel = KernelPanel(kernel: oneToNine, rate: Pair(square: 3), palette: .monochrome)
        let buffer = CellBuffer.rendering(panel, size: Size(width: 24, height: 9))
        #expect(buffer.lines[2] == "0  a 1 b 2 c 3   a··b··c")
        #expect(buffer.lines[3] == "1  d 4 e 5 f 6   ·······")
        #expect(buffer.lines[8] == "                 g··h··i")
    }

    /// Where the footprint does not fit even one character a cell, each run of holes is drawn
    /// as one `·` and the first line says how many it stands for: every tap row still shows.
    @Test func aShortPanelCollapsesTheHolesButKeepsEveryTap() {
        let panel = KernelPanel(kernel: oneToNine, rate: Pair(square: 4), palette: .monochrome)
        expectPicture(CellBuffer.rendering(panel, size: Size(width: 40, height: 8)), """
        Kernel 3x3 · rate 4 → footprint 9x9
             0   1   2
        0  a 1 b 2 c 3   each · = 3x3 holes
        1  d 4 e 5 f 6   a · b · c
        2  g 7 h 8 i 9   · · · · ·
                         d · e · f
                         · · · · ·
                         g · h · i
        """)
    }

    /// With no room for even the collapsed footprint, a summary says what it is.
    @Test func noRoomLeavesASummaryNotACut() {
        let panel = KernelPanel(kernel: Tensor<Double>(shape: [11, 11], repeating: 1), rate: Pair(square: 8),
                                palette: .monochrome)
        let text = CellBuffer.rendering(panel, size: Size(width: 80, height: 14)).text
        for line in ["81x81 window: 11x11", "taps, 7x7 holes", "between"] { #expect(text.contains(line)) }
    }

    /// Beyond 52 taps names take two letters, all different, each clear of the digits.
    @Test func largeKernelsKeepUniqueNames() {
        let names = (0..<121).map { TapLabel.label(index: $0) }
        #expect(Set(names).count == 121)
        #expect(names[51] == "Z" && names[52] == "aa" && names[53] == "ab" && names[120] == "bq")
        let panel = KernelPanel(kernel: Tensor<Double>(shape: [8, 8], repeating: 0.5), rate: Pair(square: 1),
                                palette: .monochrome)
        let lines = CellBuffer.rendering(panel, size: Size(width: 90, height: 12)).lines
        #expect(lines[8].hasPrefix("6  W  0.5 X  0.5 Y  0.5 Z  0.5 aa 0.5 ab 0.5"))
    }

    @Test func multiChannelKernelsNameTheChannelPair() {
        // HWIO 1x1x2x3: input channel 1 into output channel 2 is the last weight.
        let kernel = Tensor<Double>(shape: [1, 1, 2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let panel = KernelPanel(kernel: kernel, rate: Pair(square: 1), inputChannel: 1, outputChannel: 2,
                                palette: .monochrome)
        let buffer = CellBuffer.rendering(panel, size: Size(width: 80, height: 3))
        // Channels count from 0, as y[i,j,c] and :channel do.
        #expect(buffer.lines[0].hasPrefix("Kernel 1x1 · rate 1 → footprint 1x1 · in ch 1 of 0–1 → out ch 2 of 0–2"))
        #expect(buffer.lines[2].hasPrefix("0  a 6   a"))
    }

    @Test(arguments: [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 5, height: 3)])
    func tinyAreasNeverTrap(size: Size) {
        let buffer = CellBuffer.rendering(KernelPanel(kernel: oneToNine, rate: Pair(square: 2), palette: .color), size: size)
        #expect(buffer.size == size)
    }
}
