import Testing
import AtrousCore

/// The explorer's computation line rests on `taps`: its sum must be the convolution's output
/// at every cell, and each tap must name the input cell or padding it reads.
struct TapsTests {
    static let specs: [(Padding, Fill, Pair, Pair)] = [
        (.same, .zeros, Pair(2, 2), Pair(1, 1)),
        (.same, .reflect, Pair(2, 1), Pair(1, 1)),
        (.full, .replicate, Pair(1, 3), Pair(1, 1)),
        (.valid, .zeros, Pair(1, 1), Pair(2, 1)),
        (.explicit(top: 2, bottom: 0, left: 1, right: 3), .circular, Pair(3, 2), Pair(1, 2)),
        (.same, .circular, Pair(2, 2), Pair(2, 2)),
    ]

    @Test(arguments: 0..<specs.count)
    func sumOfTapsIsTheOutputEverywhere(_ index: Int) throws {
        let (padding, fill, rate, stride) = Self.specs[index]
        var random = SplitMix64(seed: UInt64(index + 1))
        let input = Tensor<Double>(shape: [2, 7, 8, 3]) { _ in Double.random(in: -1...1, using: &random) }
        let kernel = Tensor<Double>(shape: [3, 2, 3, 2]) { _ in Double.random(in: -1...1, using: &random) }
        let conv = try Convolution(kernel: kernel, bias: [0.5, -0.25], rate: rate, stride: stride,
                                   padding: padding, fill: fill)
        let output = try conv(input)
        let shape = try FeatureMapShape(shape: output.shape)
        for n in 0..<shape.batch {
            for y in 0..<shape.height {
                for x in 0..<shape.width {
                    for c in 0..<shape.channels {
                        let breakdown = try conv.taps(of: input, row: y, column: x, channel: c, batch: n)
                        #expect(breakdown.taps.count == 3 * 2 * 3)
                        let expected = output[n, y, x, c]
                        #expect(abs(breakdown.sum - expected) <= 1e-12 * max(1, abs(expected)))
                        let recomputed = breakdown.taps.reduce(breakdown.bias) { $0 + $1.product }
                        #expect(abs(recomputed - breakdown.sum) <= 1e-12)
                    }
                }
            }
        }
    }

    @Test func tapsNameTheirInputCellsAndPadding() throws {
        // 5x5 input holding 10·row + column, 3x3 box kernel at rate 2, SAME: pads of 2 per side.
        let input = Tensor<Double>(shape: [5, 5]) { Double(10 * $0[0] + $0[1]) }
        let conv = try Convolution(kernel: Tensor(shape: [3, 3], repeating: 1), rate: Pair(2, 2), padding: .same)
        let corner = try conv.taps(of: input, row: 0, column: 0)
        #expect(corner.taps.map(\.row) == [-2, -2, -2, 0, 0, 0, 2, 2, 2])
        #expect(corner.taps.map(\.column) == [-2, 0, 2, -2, 0, 2, -2, 0, 2])
        #expect(corner.taps[0].source == .padding(sides: [.top, .left], sourceRow: nil, sourceColumn: nil))
        #expect(corner.taps[1].source == .padding(sides: [.top], sourceRow: nil, sourceColumn: nil))
        #expect(corner.taps[4].source == .input)
        #expect(corner.taps.filter { !$0.source.isPadding }.map(\.value) == [0, 2, 20, 22])
        #expect(corner.sum == 44)
    }

    @Test func paddedTapsNameTheCellTheFillCopies() throws {
        let input = Tensor<Double>(shape: [4, 4]) { Double(10 * $0[0] + $0[1]) }
        let conv = try Convolution(kernel: Tensor(shape: [3, 3], repeating: 1), padding: .same, fill: .reflect)
        let corner = try conv.taps(of: input, row: 0, column: 0)
        // (−1, −1) reflects to (1, 1).
        #expect(corner.taps[0].source == .padding(sides: [.top, .left], sourceRow: 1, sourceColumn: 1))
        #expect(corner.taps[0].value == 11)
    }

    @Test func aPositionOutsideTheOutputIsAnError() throws {
        let input = Tensor<Double>(shape: [5, 5], repeating: 1)
        let conv = try Convolution(kernel: Tensor(shape: [3, 3], repeating: 1))
        #expect(throws: ConvolutionError.positionOutOfRange(row: 3, column: 0, outputSize: Pair(3, 3))) {
            try conv.taps(of: input, row: 3, column: 0)
        }
    }
}
