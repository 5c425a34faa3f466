import Testing
import AtrousCore
@testable import AtrousRender

struct ComputationLineTests {
    /// Output (0,2) of a 3x3 box at rate 2 with SAME padding over a 5x5 impulse at (2,2): it
    /// reads rows -2, 0, 2 and columns 0, 2, 4, so the first row of taps is top padding and
    /// tap h (row 2, column 2) finds the impulse.
    func impulseBreakdown() throws -> TapBreakdown<Double> {
        let impulse = Tensor<Double>(shape: [5, 5]) { $0 == [2, 2] ? 1 : 0 }
        let convolution = try Convolution(kernel: Tensor(shape: [3, 3], repeating: 1), rate: Pair(square: 2), padding: .same)
        return try convolution.taps(of: impulse, row: 0, column: 2)
    }

    func line(_ breakdown: TapBreakdown<Double>, width: Int, showsChannel: Bool = false) -> String {
        CellBuffer.rendering(ComputationLine(breakdown: breakdown, showsChannel: showsChannel, palette: .monochrome),
                             size: Size(width: width, height: 1)).text
    }

    @Test(arguments: [
        (91, "y[0,2] = 1·0(pad top) + 1·0(pad top) + 1·0(pad top) + 1·0 + 1·0 + 1·0 + 1·0 + 1·1 + 1·0 = 1"),
        // The one term that carries the value is kept first; the count says the rest are zeros.
        (90, "y[0,2] = 1·0(pad top) + 1·0(pad top) + 1·0(pad top) + 1·0 + 1·1 + … (+4 zeros: :sum) = 1"),
        (60, "y[0,2] = 1·0(pad top) + 1·1 + … (+7 zeros: :sum) = 1"),
        (37, "y[0,2] = 1·1 + … (+8 zeros: :sum) = 1"),
        // No room even for that term: none shows, and the count does not call the hidden zeros.
        (36, "y[0,2] = … (+9 more: :sum) = 1"),
        (20, "y[0,2] = 1"),
        (5, "y[0,…"),
    ])
    func showsAsManyTermsAsFitAndAlwaysTheResult(width: Int, expected: String) throws {
        #expect(line(try impulseBreakdown(), width: width) == expected)
    }

    /// At no width do the terms shown all read 0 beside the total 1: the impulse's term shows
    /// whenever any term does, and `more` is said only when no term shows.
    @Test func theTermThatCarriesTheValueIsNeverTheOneHidden() throws {
        let breakdown = try impulseBreakdown()
        for width in 30...91 {
            let text = line(breakdown, width: width)
            let showsTerms = text.contains("·")
            #expect(!showsTerms || text.contains("1·1"), "width \(width): \(text)")
            #expect(text.contains("more: :sum") == !showsTerms, "width \(width): \(text)")
        }
    }

    /// Given rows, the sum wraps between terms, continuation lines under the first term, and
    /// every term shows: at rate 4 on an impulse the only nonzero term is the last one.
    @Test func theWholeSumWrapsIntoTheRowsItIsGiven() throws {
        let computation = ComputationLine(breakdown: try impulseBreakdown(), palette: .monochrome)
        #expect(computation.lineCount(width: 40) == 3)
        expectPicture(CellBuffer.rendering(computation, size: Size(width: 40, height: 3)), """
        y[0,2] = 1·0(pad top) + 1·0(pad top)
               + 1·0(pad top) + 1·0 + 1·0 + 1·0
               + 1·0 + 1·1 + 1·0 = 1
        """)
        // One row short: the term that carries the value, the count, and the way to the whole table.
        expectPicture(CellBuffer.rendering(computation, size: Size(width: 40, height: 2)), """
        y[0,2] = 1·0(pad top) + 1·0(pad top)
               + 1·1 + … (+6 zeros: :sum) = 1
        """)
    }

    @Test func paddedTermsUseThePaddingStyle() throws {
        let computation = ComputationLine(breakdown: try impulseBreakdown(), palette: .color)
        let terms = computation.terms
        #expect(terms.map(\.style) == Array(repeating: Palette.color.padding, count: 3)
            + Array(repeating: Palette.color.value, count: 6))
    }

    @Test func biasComesFirstAndACopiedPadValueNamesItsSide() throws {
        // Reflect padding of one column on the left copies x[0,1] = 2 into column -1:
        // 0.5 + 2·2 + (-1)·1 = 3.5.
        let input = Tensor<Double>(shape: [1, 3], scalars: [1, 2, 3])
        let convolution = try Convolution(kernel: Tensor(shape: [1, 2], scalars: [2, -1]), bias: [0.5],
                                          padding: .explicit(top: 0, bottom: 0, left: 1, right: 0), fill: .reflect)
        #expect(line(try convolution.taps(of: input, row: 0, column: 0), width: 80)
            == "y[0,0] = 0.5 + 2·2(pad left) + -1·1 = 3.5")
    }

    @Test func multiChannelTermsSumEachTapOverItsChannels() throws {
        // Tap a: 1·1 + 1·2 = 3; tap b: 10·3 + 0·4 = 30.
        let input = Tensor<Double>(shape: [1, 2, 2], scalars: [1, 2, 3, 4])
        let convolution = try Convolution(kernel: Tensor(shape: [1, 2, 2, 1], scalars: [1, 1, 10, 0]))
        #expect(line(try convolution.taps(of: input, row: 0, column: 0), width: 80) == "y[0,0] (Σ 2 ch per tap) = 3 + 30 = 33")
    }

    @Test func severalOutputChannelsNameTheChannel() throws {
        let input = Tensor<Double>(shape: [1, 1], scalars: [5])
        let convolution = try Convolution(kernel: Tensor(shape: [1, 1, 1, 2], scalars: [2, 3]))
        #expect(line(try convolution.taps(of: input, row: 0, column: 0, channel: 1), width: 80, showsChannel: true)
            == "y[0,0,1] = 3·5 = 15")
    }

    @Test func cornerPaddingNamesBothSides() throws {
        let input = Tensor<Double>(shape: [2, 2], repeating: 1)
        let convolution = try Convolution(kernel: Tensor(shape: [1, 1], scalars: [0.5]),
                                          padding: .explicit(top: 1, bottom: 0, left: 1, right: 0))
        #expect(line(try convolution.taps(of: input, row: 0, column: 0), width: 80) == "y[0,0] = 0.5·0(pad top-left) = 0")
    }
}
