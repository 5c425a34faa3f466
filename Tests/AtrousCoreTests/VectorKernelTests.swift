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
}
