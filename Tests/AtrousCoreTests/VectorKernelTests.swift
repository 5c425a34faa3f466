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
}
