import Testing
@testable import AtrousCore

// Every inner loop this processor runs gives the same convolution: the fused ones (AVX2,
// AVX-512, NEON) the same bits, since each output adds the same terms in the same order; the
// baseline, which cannot fuse a multiply into the add, the same within rounding.
@Suite("Vector kernels")
struct VectorKernelTests {
    @Test("the selected kernel is one this processor runs")
    func selectedRuns() {
        #expect(VectorKernel.available.contains(VectorKernel.selected))
        #expect(!VectorKernel.available.isEmpty)
    }

    /// Channel counts that fill a block, leave a part of one, and span several; float64's
    /// 3x3 at 40 channels (360 terms) adds up in three parts.
    @Test("every available kernel agrees with the others",
          arguments: [(cin: 3, cout: 1), (cin: 8, cout: 40), (cin: 40, cout: 33), (cin: 17, cout: 64)])
    func kernelsAgree(cin: Int, cout: Int) throws {
        try compareKernels(Float.self, cin: cin, cout: cout)
        try compareKernels(Double.self, cin: cin, cout: cout)
    }

    private func compareKernels<Scalar: ConvolutionScalar>(_: Scalar.Type, cin: Int, cout: Int) throws {
        var generator = SplitMix64(seed: UInt64(cin * 1000 + cout))
        let input = Tensor<Scalar>(shape: [2, 13, 29, cin], scalars: (0..<(2 * 13 * 29 * cin)).map { _ in
            Scalar(Double.random(in: -1...1, using: &generator))
        })
        let weights = Tensor<Scalar>(shape: [3, 3, cin, cout], scalars: (0..<(9 * cin * cout)).map { _ in
            Scalar(Double.random(in: -1...1, using: &generator))
        })
        let bias = (0..<cout).map { Scalar($0) / 8 }
        let layer = try Convolution(kernel: weights, bias: bias, rate: Pair(square: 2), padding: .same)
        let results = try VectorKernel.available.map {
            ($0, try layer.apply(input, workers: 2, algorithm: .direct, vectorKernel: $0))
        }
        let fused = results.filter { $0.0 != .baseline }
        for (kernel, result) in fused.dropFirst() {
            #expect(result == fused[0].1, "\(kernel) against \(fused[0].0), \(Scalar.dtypeName)")
        }
        guard let baseline = results.first(where: { $0.0 == .baseline })?.1, let other = fused.first?.1 else { return }
        // 3·3·cin terms of magnitude at most 1: a few roundings of their sum bound the difference.
        let bound = Scalar(4 * 9 * cin) * Scalar.ulpOfOne * Scalar(9 * cin)
        let worst = zip(baseline.scalars, other.scalars).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= bound, "baseline differs by \(worst), \(Scalar.dtypeName)")
        #expect(baseline.shape == other.shape)
    }

    /// Every output of every kernel is the sum its taps give when added one at a time in the
    /// kernel's order (rows, columns, input channels), bias first, each product fused into the
    /// add (rounded on its own by the baseline), float64 in parts of 128 terms. The shapes
    /// give spans that run on across rows and images (odd widths, two images), the narrow
    /// block (16 or fewer output channels), the wide one with a partial block, strides, rates,
    /// one input channel, and more input channels than a float64 part holds.
    @Test("each output adds its taps in order, to the bit, in every kernel",
          arguments: [(cin: 1, cout: 5, rate: 1, stride: 1), (cin: 3, cout: 16, rate: 1, stride: 2),
                      (cin: 8, cout: 40, rate: 2, stride: 1), (cin: 20, cout: 17, rate: 1, stride: 1),
                      (cin: 9, cout: 64, rate: 3, stride: 2)])
    func sequentialOrder(cin: Int, cout: Int, rate: Int, stride: Int) throws {
        try checkOrder(Float.self, cin: cin, cout: cout, rate: rate, stride: stride)
        try checkOrder(Double.self, cin: cin, cout: cout, rate: rate, stride: stride)
    }

    private func checkOrder<Scalar: ConvolutionScalar>(_: Scalar.Type, cin: Int, cout: Int, rate: Int,
                                                      stride: Int) throws {
        var generator = SplitMix64(seed: UInt64(cin * 7919 + cout * 31 + rate * 3 + stride))
        let (batch, height, width, k) = (2, 11, 23, 3)
        let input = Tensor<Scalar>(shape: [batch, height, width, cin]) { _ in
            Scalar(Double.random(in: -1...1, using: &generator))
        }
        let weights = Tensor<Scalar>(shape: [k, k, cin, cout]) { _ in Scalar(Double.random(in: -1...1, using: &generator)) }
        let bias = (0..<cout).map { _ in Scalar(Double.random(in: -1...1, using: &generator)) }
        let layer = try Convolution(kernel: weights, bias: bias, rate: Pair(square: rate), stride: Pair(square: stride),
                                    padding: .same)
        let geometry = try layer.geometry(for: FeatureMapShape(shape: input.shape))
        let (rows, columns) = (geometry.rows, geometry.columns)
        let part = DirectCorrelation<Scalar>.termsPerPartialSum
        /// Every output's terms added one at a time, fused or not.
        func orderedSums(fused: Bool) -> [Scalar] {
            var sums: [Scalar] = []
            for n in 0..<batch {
                for oy in 0..<rows.outputSize {
                    for ox in 0..<columns.outputSize {
                        for co in 0..<cout {
                            // Padded taps add a zero product, as the kernels do.
                            var (total, sum, terms, firstPart) = (Scalar(0), bias[co], 0, true)
                            for ky in 0..<k {
                                for kx in 0..<k {
                                    let y = rows.inputIndex(output: oy, tap: ky)
                                    let x = columns.inputIndex(output: ox, tap: kx)
                                    let inside = (0..<height).contains(y) && (0..<width).contains(x)
                                    for ci in 0..<cin {
                                        let value = inside ? input[n, y, x, ci] : 0
                                        let weight = weights[ky, kx, ci, co]
                                        sum = fused ? sum.addingProduct(weight, value) : sum + weight * value
                                        terms += 1
                                        if terms == part {
                                            (total, sum, terms, firstPart) = (firstPart ? sum : total + sum, 0, 0, false)
                                        }
                                    }
                                }
                            }
                            if terms > 0 { total = firstPart ? sum : total + sum }
                            sums.append(total)
                        }
                    }
                }
            }
            return sums
        }
        let (fused, unfused) = (orderedSums(fused: true), orderedSums(fused: false))
        for kernel in VectorKernel.available {
            let result = try layer.apply(input, workers: 2, algorithm: .direct, vectorKernel: kernel)
            let expected = kernel == .baseline ? unfused : fused
            let mismatches = zip(result.scalars, expected).filter { $0 != $1 }.count
            #expect(mismatches == 0, "\(kernel), \(Scalar.dtypeName): \(mismatches) outputs differ from the ordered sum")
            #expect(result.scalars.count == expected.count)
        }
    }
}
