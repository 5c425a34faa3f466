import CConvolutionKernels
import Testing
@testable import AtrousCore

// Every inner loop this processor runs gives the same convolution. The direct loop's fused
// versions (AVX2, AVX-512, NEON) give the same bits, since each output adds the same terms in
// the same order; the baseline, which cannot fuse a multiply into the add, the same within
// rounding. The one-output-channel row loop never fuses, so all its versions give the same bits.
@Suite("Vector kernels")
struct VectorKernelTests {
    @Test("the selected kernel is one this processor runs")
    func selectedRuns() {
        #expect(VectorKernel.available.contains(VectorKernel.selected))
        #expect(!VectorKernel.available.isEmpty)
    }

    /// CPUID 1 ECX with FMA (12), OSXSAVE (27) and AVX (28); CPUID 7 EBX with AVX2 (5) and
    /// AVX-512F (16); XCR0 with the SSE and AVX states (1, 2) and the three AVX-512 ones (5–7).
    static let haswell = atrous_cpu_words(leaf1_ecx: 1 << 12 | 1 << 27 | 1 << 28, leaf7_ebx: 1 << 5, xcr0: 0b111)
    static let zen4 = atrous_cpu_words(leaf1_ecx: 1 << 12 | 1 << 27 | 1 << 28, leaf7_ebx: 1 << 5 | 1 << 16,
                                       xcr0: 0b1110_0111)

    #if arch(x86_64)
    @Test("the processor's words choose the kernels: a Nehalem runs the baseline alone")
    func runnableFromWords() {
        // A Nehalem reports SSE4.2 and POPCNT (bits 20, 23) and no XSAVE.
        let nehalem = atrous_cpu_words(leaf1_ecx: 1 << 20 | 1 << 23, leaf7_ebx: 0, xcr0: 0)
        #expect(VectorKernel.runnable(on: nehalem) == [.baseline])
        #expect(VectorKernel.runnable(on: Self.haswell) == [.baseline, .avx2])
        #expect(VectorKernel.runnable(on: Self.zen4) == [.baseline, .avx2, .avx512])
    }

    @Test("an instruction set whose registers the system does not save is not run")
    func registerStateNotSaved() {
        var words = Self.haswell
        words.xcr0 = 0b011  // AVX listed by CPUID, its upper halves not saved
        #expect(VectorKernel.runnable(on: words) == [.baseline])
        words = Self.zen4
        words.xcr0 = 0b111  // AVX-512F listed, the zmm state not saved
        #expect(VectorKernel.runnable(on: words) == [.baseline, .avx2])
    }
    #endif

    /// Channel counts that fill a block, leave a part of one, and span several; float64's
    /// 3x3 at 40 channels (360 terms) adds up in three parts.
    @Test("every available kernel agrees with the others",
          arguments: [(cin: 3, cout: 1), (cin: 8, cout: 40), (cin: 40, cout: 33), (cin: 17, cout: 64)])
    func kernelsAgree(cin: Int, cout: Int) throws {
        try compareKernels(Float.self, cin: cin, cout: cout, algorithm: .direct)
        try compareKernels(Double.self, cin: cin, cout: cout, algorithm: .direct)
    }

    /// Winograd's products are the direct loop's kernel: the fused versions agree to the bit.
    @Test("every available kernel agrees with the others in Winograd's products",
          arguments: [(cin: 3, cout: 5), (cin: 8, cout: 40), (cin: 17, cout: 64)])
    func winogradKernelsAgree(cin: Int, cout: Int) throws {
        try compareKernels(Float.self, cin: cin, cout: cout, algorithm: .winograd)
        try compareKernels(Double.self, cin: cin, cout: cout, algorithm: .winograd)
    }

    /// Contiguous rows, rows read at a stride, several input channels, and a row shorter than
    /// any vector.
    @Test("every available kernel gives the same bits along the rows of one output channel",
          arguments: [(cin: 1, stride: 1, width: 29), (cin: 3, stride: 1, width: 61), (cin: 2, stride: 2, width: 29),
                      (cin: 1, stride: 1, width: 3)])
    func rowKernelsAgree(cin: Int, stride: Int, width: Int) throws {
        try compareRowKernels(Float.self, cin: cin, stride: stride, width: width)
        try compareRowKernels(Double.self, cin: cin, stride: stride, width: width)
    }

    private func compareRowKernels<Scalar: ConvolutionScalar>(_: Scalar.Type, cin: Int, stride: Int, width: Int) throws {
        var generator = SplitMix64(seed: UInt64(cin * 100 + stride * 10 + width))
        let input = Self.random(Scalar.self, shape: [2, 11, width, cin], using: &generator)
        let weights = Self.random(Scalar.self, shape: [3, 2, cin, 1], using: &generator)
        let layer = try Convolution(kernel: weights, bias: [Scalar(0.375)], rate: Pair(2, 1),
                                    stride: Pair(square: stride), padding: .same)
        let results = try VectorKernel.available.map {
            ($0, try layer.apply(input, workers: 2, algorithm: .rows, vectorKernel: $0))
        }
        for (kernel, result) in results.dropFirst() {
            #expect(result == results[0].1, "\(kernel) against \(results[0].0), \(Scalar.dtypeName)")
        }
        // And each output is the sum its computation line shows: bias first, then each tap in order.
        let result = results[0].1, (height, outWidth) = (result.shape[1], result.shape[2])
        for batch in 0..<2 {
            for row in 0..<height {
                for column in 0..<outWidth {
                    let line = try layer.taps(of: input, row: row, column: column, batch: batch)
                    #expect(result.scalars[(batch * height + row) * outWidth + column] == line.sum,
                            "\(Scalar.dtypeName) (\(batch), \(row), \(column))")
                }
            }
        }
    }

    private func compareKernels<Scalar: ConvolutionScalar>(_: Scalar.Type, cin: Int, cout: Int,
                                                           algorithm: CorrelationAlgorithm) throws {
        var generator = SplitMix64(seed: UInt64(cin * 1000 + cout))
        let input = Self.random(Scalar.self, shape: [2, 13, 29, cin], using: &generator)
        let weights = Self.random(Scalar.self, shape: [3, 3, cin, cout], using: &generator)
        let bias = (0..<cout).map { Scalar($0) / 8 }
        let layer = try Convolution(kernel: weights, bias: bias, rate: Pair(square: 2), padding: .same)
        let results = try VectorKernel.available.map {
            ($0, try layer.apply(input, workers: 2, algorithm: algorithm, vectorKernel: $0))
        }
        let fused = results.filter { $0.0 != .baseline }
        for (kernel, result) in fused.dropFirst() {
            #expect(result == fused[0].1, "\(kernel) against \(fused[0].0), \(Scalar.dtypeName)")
        }
        guard let baseline = results.first(where: { $0.0 == .baseline })?.1, let other = fused.first?.1 else { return }
        // 3·3·cin terms of magnitude at most 1: a few roundings of their sum bound the difference
        // (Winograd's transforms scale its terms by at most a hundred).
        let scale = Scalar(algorithm == .winograd ? 100 : 1)
        let bound = scale * Scalar(4 * 9 * cin) * Scalar.ulpOfOne * Scalar(9 * cin)
        let worst = zip(baseline.scalars, other.scalars).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= bound, "baseline differs by \(worst), \(Scalar.dtypeName)")
        #expect(baseline.shape == other.shape)
    }

    private static func random<Scalar: ConvolutionScalar>(_: Scalar.Type, shape: [Int],
                                                          using generator: inout SplitMix64) -> Tensor<Scalar> {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in
            Scalar(Double.random(in: -1...1, using: &generator))
        })
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
