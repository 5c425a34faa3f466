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
            0  1  2
        0 a 1b 2c 3   a · b · c
        1 d 4e 5f 6   · · · · ·
        2 g 7h 8i 9   d · e · f
                      · · · · ·
                      g · h · i
        """)
    }

    @Test func theSelectedWeightIsMarkedInBothGrids() {
        let palette = Palette.monochrome
        let panel = KernelPanel(kernel: oneToNine, rate: Pair(square: 2), selection: GridPosition(row: 1, column: 2),
                                palette: palette)
        let buffer = CellBuffer.rendering(panel, size: Size(width: 24, height: 7))
        // Weight f is row 1, column 2: screen columns 8-10 of row 3; its tap sits at footprint (2, 4).
        for x in 8...10 { #expect(buffer[x, 3]?.style == palette.selected) }
        #expect(buffer[22, 4] == Cell("f", style: palette.selected))
        #expect(buffer[14, 2] == Cell("a", style: palette.footprintTap))
        #expect(buffer[15, 3] == Cell(" ", style: .plain))
        #expect(buffer[16, 3] == Cell("·", style: palette.footprintHole))
    }

    @Test func unequalRatesStretchOnlyTheirAxis() {
        let kernel = Tensor<Double>(shape: [2, 2]) { Double($0[0] * 2 + $0[1] + 1) }
        let panel = KernelPanel(kernel: kernel, rate: Pair(1, 3), palette: .monochrome)
        expectPicture(CellBuffer.rendering(panel, size: Size(width: 30, height: 4)), """
        Kernel 2x2 · rate 1x3 → 2x4
            0  1
        0 a 1b 2   a · · b
        1 c 3d 4   c · · d
        """)
    }

    @Test func aNarrowPanelDrawsTheFootprintOneColumnPerCell() {
        let panel = KernelPanel(kernel: oneToNine, rate: Pair(square: 3), palette: .monochrome)
        let buffer = CellBuffer.rendering(panel, size: Size(width: 21, height: 9))
        #expect(buffer.lines[2] == "0 a 1b 2c 3   a··b··c")
        #expect(buffer.lines[3] == "1 d 4e 5f 6   ·······")
        #expect(buffer.lines[8] == "              g··h··i")
    }

    @Test func multiChannelKernelsNameTheChannelPair() {
        // HWIO 1x1x2x3: input channel 1 into output channel 2 is the last weight.
        let kernel = Tensor<Double>(shape: [1, 1, 2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let panel = KernelPanel(kernel: kernel, rate: Pair(square: 1), inputChannel: 1, outputChannel: 2,
                                palette: .monochrome)
        let buffer = CellBuffer.rendering(panel, size: Size(width: 60, height: 3))
        #expect(buffer.lines[0].hasPrefix("Kernel 1x1 · rate 1 → footprint 1x1 · in 2/2 → out 3/3"))
        #expect(buffer.lines[2].hasPrefix("0 a 6   a"))
    }

    @Test(arguments: [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 5, height: 3)])
    func tinyAreasNeverTrap(size: Size) {
        let buffer = CellBuffer.rendering(KernelPanel(kernel: oneToNine, rate: Pair(square: 2), palette: .color), size: size)
        #expect(buffer.size == size)
    }
}
