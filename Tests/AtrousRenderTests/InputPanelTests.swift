import Testing
import AtrousCore
@testable import AtrousRender
import AtrousExplorer

struct InputPanelTests {
    /// A panel over `input` for a kernel of ones, with the taps of output cell (`row`, `column`).
    func panel(_ input: Tensor<Double>, kernel: Int, rate: Int = 1, padding: Padding = .valid, fill: Fill = .zeros,
               row: Int, column: Int, palette: Palette = .monochrome, scroll: GridPosition? = nil) throws -> InputPanel {
        let convolution = try Convolution(kernel: Tensor(shape: [kernel, kernel], repeating: 1),
                                          rate: Pair(square: rate), padding: padding, fill: fill)
        let geometry = try convolution.geometry(for: FeatureMapShape(shape: input.shape))
        return InputPanel(input: .double(input), geometry: geometry, taps: try convolution.taps(of: input, row: row, column: column),
                          palette: palette, scroll: scroll)
    }

    /// 1 to 9 in reading order.
    let counting = Tensor<Double>(shape: [3, 3]) { Double($0[0] * 3 + $0[1] + 1) }

    // A 2x2 kernel at rate 2 with one row and column of padding above and left: output (0,0)
    // reads rows -1 and 1, columns -1 and 1, so three taps fall in the padding.
    let topLeftPadding = Padding.explicit(top: 1, bottom: 0, left: 1, right: 0)

    @Test func zeroPaddingShowsDotsAndTapsAreLetteredByKernelIndex() throws {
        let buffer = CellBuffer.rendering(try panel(counting, kernel: 2, rate: 2, padding: topLeftPadding, row: 0, column: 0),
                                          size: Size(width: 15, height: 6))
        expectPicture(buffer, """
        Input …  → more
             -1   0   1
        -1  a ·   · b ·
         0    ·   1   2
         1  c ·   4 d 5
         2    ·   7   8
        """)
    }

    @Test func tapsPaddingAndHolesEachHaveTheirStyle() throws {
        let palette = Palette.color
        let buffer = CellBuffer.rendering(try panel(counting, kernel: 2, rate: 2, padding: topLeftPadding, row: 0, column: 0,
                                                    palette: palette), size: Size(width: 19, height: 6))
        let legend: [Character: Style] = [
            "H": palette.header, "i": palette.index, ".": .plain, "p": palette.padding, "T": palette.tap,
            "P": palette.paddingTap, "h": palette.hole, "q": palette.padding.overlaid(by: palette.hole),
        ]
        #expect(buffer.stylePicture(legend) == """
        HHHHHHHHH..........
        ...iiiiiiiiiiiiiiii
        ii.PPPPqqqqPPPPpppp
        ii.qqqqhhhhhhhh....
        ii.PPPPhhhhTTTT....
        ii.pppp............
        """)
    }

    @Test func nonZeroFillsShowTheCopiedValueInThePadding() throws {
        let buffer = CellBuffer.rendering(try panel(counting, kernel: 2, rate: 2, padding: topLeftPadding, fill: .replicate,
                                                    row: 0, column: 0), size: Size(width: 15, height: 6))
        expectPicture(buffer, """
        Input …  → more
             -1   0   1
        -1  a 1   1 b 2
         0    1   1   2
         1  c 4   4 d 5
         2    7   7   8
        """)
        #expect(buffer[4, 3]?.style == Palette.monochrome.padding.overlaid(by: Palette.monochrome.hole))
    }

    @Test func anImpulseUnderADilatedKernelShowsTapsHolesAndTheWholeRing() throws {
        // SAME padding for k_eff 5 adds two cells per side; output (0,2) reads rows -2, 0, 2
        // and columns 0, 2, 4, so tap h lands on the impulse.
        let impulse = Tensor<Double>(shape: [5, 5]) { $0 == [2, 2] ? 1 : 0 }
        let buffer = CellBuffer.rendering(try panel(impulse, kernel: 3, rate: 2, padding: .same, row: 0, column: 2),
                                          size: Size(width: 30, height: 11))
        expectPicture(buffer, """
        Input 5x5 · pad zeros  ←→ more
              0   1   2   3   4   5
        -2  a ·   · b ·   · c ·   ·
        -1    ·   ·   ·   ·   ·   ·
         0  d 0   0 e 0   0 f 0   ·
         1    0   0   0   0   0   ·
         2  g 0   0 h 1   0 i 0   ·
         3    0   0   0   0   0   ·
         4    0   0   0   0   0   ·
         5    ·   ·   ·   ·   ·   ·
         6    ·   ·   ·   ·   ·   ·
        """)
    }

    @Test func largeInputsScrollToTheTaps() throws {
        let zeros = Tensor<Double>(shape: [12, 12], repeating: 0)
        let centred = CellBuffer.rendering(try panel(zeros, kernel: 3, row: 9, column: 9), size: Size(width: 15, height: 6))
        expectPicture(centred, """
        Input…  ↑← more
              9  10  11
         8    0   0   0
         9  a 0 b 0 c 0
        10  d 0 e 0 f 0
        11  g 0 h 0 i 0
        """)
        // From a kept scroll position the window moves only when the taps leave it.
        let kept = CellBuffer.rendering(try panel(zeros, kernel: 3, row: 4, column: 4, scroll: GridPosition(row: 3, column: 3)),
                                        size: Size(width: 15, height: 6))
        expectPicture(kept, """
        Inp…  ↑↓←→ more
              4   5   6
         3    0   0   0
         4  a 0 b 0 c 0
         5  d 0 e 0 f 0
         6  g 0 h 0 i 0
        """)
    }

    @Test func aPanelTooNarrowForValuesFallsBackToOneShadePerCell() throws {
        let ramp = Tensor<Double>(shape: [4, 4]) { Double($0[0] * 4 + $0[1]) }
        let buffer = CellBuffer.rendering(try panel(ramp, kernel: 3, row: 0, column: 0), size: Size(width: 8, height: 6))
        // 0…15 on four shades: 1–3 light, 4–7 medium, 8–11 dark, 12–15 full.
        expectPicture(buffer, """
        Input 4…
          0
        0 abc░
        1 def▒
        2 ghi▓
        3 ████
        """)
        let coloured = CellBuffer.rendering(try panel(ramp, kernel: 3, row: 0, column: 0, palette: .color),
                                            size: Size(width: 8, height: 6))
        #expect(coloured[2, 5] == Cell(" ", style: Style(background: .indexed(227))))
        #expect(coloured[2, 2] == Cell("a", style: Palette.color.tap))
    }

    @Test func titleNamesTheChannelOfAMultiChannelInput() throws {
        let input = Tensor<Double>(shape: [3, 3, 2], repeating: 1)
        let convolution = try Convolution(kernel: Tensor(shape: [1, 1, 2, 1], repeating: 1))
        let geometry = try convolution.geometry(for: FeatureMapShape(shape: input.shape))
        let panel = InputPanel(input: .double(input), geometry: geometry, channel: 1, palette: .monochrome)
        // Channels count from 0, as y[i,j,c] and :channel do; the one-row area hides the grid.
        #expect(CellBuffer.rendering(panel, size: Size(width: 40, height: 1)).text == "Input 3x3 · ch 1 of 0–1  ↓ more")
        #expect(CellBuffer.rendering(panel, size: Size(width: 22, height: 1)).text == "Input 3x3 ch 1  ↓ more")
    }

    @Test(arguments: [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 3, height: 2), Size(width: 40, height: 1)])
    func tinyAreasDrawWhatFits(size: Size) throws {
        let buffer = CellBuffer.rendering(try panel(counting, kernel: 2, rate: 2, padding: topLeftPadding, row: 0, column: 0),
                                          size: size)
        #expect(buffer.size == size)
        guard size.width > 0, size.height > 0 else { return #expect(buffer.text.isEmpty) }
        // What is hidden is said before the title is: the arrows come first.
        #expect(size.height > 1 || buffer.lines[0].contains("↓"))
        if size.width >= 40 { #expect(buffer.lines[0].hasPrefix("Input 3x3 · pad zeros")) }
    }
}
