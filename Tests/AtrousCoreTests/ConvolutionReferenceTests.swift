import Testing
@testable import AtrousCore

// MARK: - The reference

/// The slow, obviously correct convolution the fast one is checked against: the kernel is
/// dilated by writing its taps `rate` cells apart into a zero kernel of size k_eff, then that
/// kernel is correlated at rate 1, reading padded cells through ``Fill/sourceIndex(_:size:)``.
/// Sums are kept in Double.
enum ReferenceConvolution {
    /// The NHWC result of `kernel` (HWIO, rank 4) over `input` (NHWC, rank 4).
    static func apply<Scalar: ConvolutionScalar>(
        _ input: Tensor<Scalar>, kernel: Tensor<Scalar>, bias: [Scalar]?, rate: Pair, stride: Pair,
        padding: Padding, fill: Fill
    ) throws -> Tensor<Scalar> {
        let (batch, height, width, cin) = (input.shape[0], input.shape[1], input.shape[2], input.shape[3])
        let (kh, kw, cout) = (kernel.shape[0], kernel.shape[1], kernel.shape[3])
        let dilated = dilate(kernel, rate: rate)
        let (dh, dw) = (dilated.shape[0], dilated.shape[1])
        // The real kernel's geometry refuses what the layer refuses, with the same error (an
        // empty output, causal padding with a tall kernel, reflect pads as large as the input).
        _ = try ConvolutionGeometry(inputSize: Pair(height, width),
                                    spec: LayerSpec(kernelSize: Pair(kh, kw), rate: rate, stride: stride,
                                                    padding: padding, fill: fill))
        let rows = try AxisGeometry(axis: .height, inputSize: height, kernelSize: dh, rate: 1,
                                    stride: stride.height, padding: padding)
        let columns = try AxisGeometry(axis: .width, inputSize: width, kernelSize: dw, rate: 1,
                                       stride: stride.width, padding: padding)
        return Tensor(shape: [batch, rows.outputSize, columns.outputSize, cout]) { index in
            let (n, oy, ox, co) = (index[0], index[1], index[2], index[3])
            var sum = Double(bias?[co] ?? 0)
            for dy in 0..<dh {
                guard let y = fill.sourceIndex(oy * stride.height - rows.padBefore + dy, size: height) else { continue }
                for dx in 0..<dw {
                    guard let x = fill.sourceIndex(ox * stride.width - columns.padBefore + dx, size: width)
                    else { continue }
                    for ci in 0..<cin {
                        let weight = dilated.scalars[((dy * dw + dx) * cin + ci) * cout + co]
                        let value = input.scalars[((n * height + y) * width + x) * cin + ci]
                        sum += Double(weight) * Double(value)
                    }
                }
            }
            return Scalar(sum)
        }
    }

    /// The kernel with `rate − 1` zero rows and columns between its taps.
    static func dilate<Scalar: ConvolutionScalar>(_ kernel: Tensor<Scalar>, rate: Pair) -> Tensor<Scalar> {
        let (kh, kw, cin, cout) = (kernel.shape[0], kernel.shape[1], kernel.shape[2], kernel.shape[3])
        let (dh, dw) = (effectiveKernelSize(kh, rate: rate.height), effectiveKernelSize(kw, rate: rate.width))
        var dilated = Tensor<Scalar>(shape: [dh, dw, cin, cout])
        for ky in 0..<kh {
            for kx in 0..<kw {
                for ci in 0..<cin {
                    for co in 0..<cout {
                        dilated[ky * rate.height, kx * rate.width, ci, co] = kernel[ky, kx, ci, co]
                    }
                }
            }
        }
        return dilated
    }
}

// MARK: - Random configurations

/// One convolution problem: shapes, layer parameters and whether a bias is added.
struct ConvolutionCase: CustomStringConvertible {
    var batch = 1, height: Int, width: Int, inputChannels: Int, outputChannels: Int
    var kernel: Pair, rate = Pair(square: 1), stride = Pair(square: 1)
    var padding: Padding = .valid, fill: Fill = .zeros, hasBias = false

    var description: String {
        "\(batch)x\(height)x\(width)x\(inputChannels) -> \(outputChannels), kernel \(kernel), rate \(rate), "
            + "stride \(stride), padding \(padding), fill \(fill)\(hasBias ? ", bias" : "")"
    }

    /// A random problem with a 3x3 kernel at stride 1, where Winograd's algorithm applies.
    static func randomThreeByThree(using generator: inout SplitMix64) -> ConvolutionCase {
        var problem = random(using: &generator)
        problem.kernel = Pair(square: 3)
        problem.stride = Pair(square: 1)
        if problem.padding == .causal { problem.padding = .full }
        return problem
    }

    /// A random problem small enough for the reference to check quickly.
    static func random(using generator: inout SplitMix64) -> ConvolutionCase {
        let kernel = Pair(Int.random(in: 1...4, using: &generator), Int.random(in: 1...4, using: &generator))
        let paddings: [Padding] = [
            .valid, .same, .full, .causal,
            .explicit(top: Int.random(in: 0...3, using: &generator), bottom: Int.random(in: 0...3, using: &generator),
                      left: Int.random(in: 0...3, using: &generator), right: Int.random(in: 0...3, using: &generator)),
        ]
        var padding = paddings.randomElement(using: &generator)!
        if padding == .causal && kernel.height != 1 { padding = .same }
        return ConvolutionCase(
            batch: Int.random(in: 1...2, using: &generator),
            height: Int.random(in: 1...13, using: &generator), width: Int.random(in: 1...15, using: &generator),
            inputChannels: Int.random(in: 1...17, using: &generator),
            outputChannels: Int.random(in: 1...17, using: &generator),
            kernel: kernel,
            rate: Pair(Int.random(in: 1...4, using: &generator), Int.random(in: 1...4, using: &generator)),
            stride: Pair(Int.random(in: 1...3, using: &generator), Int.random(in: 1...3, using: &generator)),
            padding: padding, fill: Fill.allCases.randomElement(using: &generator)!,
            hasBias: Bool.random(using: &generator))
    }

    /// Random input, kernel and bias for this problem, values in −1...1.
    func tensors<Scalar: ConvolutionScalar>(_: Scalar.Type, using generator: inout SplitMix64)
        -> (input: Tensor<Scalar>, kernel: Tensor<Scalar>, bias: [Scalar]?)
    {
        func values(_ count: Int) -> [Scalar] {
            (0..<count).map { _ in Scalar(Double.random(in: -1...1, using: &generator)) }
        }
        let inputShape = [batch, height, width, inputChannels]
        let kernelShape = [kernel.height, kernel.width, inputChannels, outputChannels]
        return (Tensor(shape: inputShape, scalars: values(inputShape.reduce(1, *))),
                Tensor(shape: kernelShape, scalars: values(kernelShape.reduce(1, *))),
                hasBias ? values(outputChannels) : nil)
    }
}

/// The outcome of checking the fast convolution against the reference on one problem.
enum Agreement: Equatable {
    /// Both computed, and the results agree within the conformance tolerance.
    case agree
    /// Both refused the configuration with the same error.
    case bothRefused
    case disagree(String)
}

/// Runs both convolutions on `problem` with random data and compares them.
func compareWithReference<Scalar: ConvolutionScalar>(
    _ problem: ConvolutionCase, as _: Scalar.Type, seed: UInt64, workers: Int = Workers.active,
    algorithm: CorrelationAlgorithm? = nil
) -> Agreement {
    var generator = SplitMix64(seed: seed)
    let (input, kernel, bias) = problem.tensors(Scalar.self, using: &generator)
    let expected: Tensor<Scalar>
    do {
        expected = try ReferenceConvolution.apply(input, kernel: kernel, bias: bias, rate: problem.rate,
                                                  stride: problem.stride, padding: problem.padding,
                                                  fill: problem.fill)
    } catch {
        do {
            let layer = try Convolution(kernel: kernel, bias: bias, rate: problem.rate, stride: problem.stride,
                                        padding: problem.padding, fill: problem.fill)
            let result = try layer.apply(input, workers: workers, algorithm: algorithm)
            return .disagree("the reference refused with \(error) but the convolution gave shape \(result.shape)")
        } catch let fastError as ConvolutionError {
            return fastError == (error as? ConvolutionError) ? .bothRefused
                : .disagree("the reference refused with \(error), the convolution with \(fastError)")
        } catch {
            return .disagree("unexpected error \(error)")
        }
    }
    do {
        let layer = try Convolution(kernel: kernel, bias: bias, rate: problem.rate, stride: problem.stride,
                                    padding: problem.padding, fill: problem.fill)
        let result = try layer.apply(input, workers: workers, algorithm: algorithm)
        guard result.shape == expected.shape else {
            return .disagree("shape \(result.shape), expected \(expected.shape)")
        }
        return result.isClose(to: expected) ? .agree
            : .disagree("max |difference| \(result.maxAbsoluteDifference(to: expected))")
    } catch {
        return .disagree("the convolution refused with \(error) but the reference computed")
    }
}

// MARK: - Tests

@Suite("The fast convolution against the reference")
struct ConvolutionReferenceTests {
    @Test("Seeded random configurations agree", arguments: [Float.self, Double.self] as [any ConvolutionScalar.Type])
    func randomConfigurations(type: any ConvolutionScalar.Type) {
        var generator = SplitMix64(seed: type == Float.self ? 2024 : 4202)
        var computed = 0
        for trial in 0..<150 {
            let problem = ConvolutionCase.random(using: &generator)
            let seed = UInt64(trial)
            let agreement = type == Float.self ? compareWithReference(problem, as: Float.self, seed: seed)
                : compareWithReference(problem, as: Double.self, seed: seed)
            #expect(agreement == .agree || agreement == .bothRefused, "\(problem) (trial \(trial)): \(agreement)")
            if agreement == .agree { computed += 1 }
        }
        // Most random configurations are valid; the ones that are not check the errors agree.
        #expect(computed >= 75)
    }

    @Test("Seeded random 3x3 configurations agree with either algorithm",
          arguments: [CorrelationAlgorithm.direct, .winograd])
    func randomThreeByThree(algorithm: CorrelationAlgorithm) {
        var generator = SplitMix64(seed: 33)
        var computed = 0
        for trial in 0..<80 {
            let problem = ConvolutionCase.randomThreeByThree(using: &generator)
            let seed = UInt64(trial)
            let agreement = trial.isMultiple(of: 2)
                ? compareWithReference(problem, as: Float.self, seed: seed, algorithm: algorithm)
                : compareWithReference(problem, as: Double.self, seed: seed, algorithm: algorithm)
            #expect(agreement == .agree || agreement == .bothRefused, "\(problem) (trial \(trial)): \(agreement)")
            if agreement == .agree { computed += 1 }
        }
        #expect(computed >= 40)
    }

    /// Output widths around the six-column step, channel counts around the vector widths
    /// (8 floats, 4 doubles), with and without padding and bias.
    static let edges: [ConvolutionCase] = [
        ConvolutionCase(height: 3, width: 1, inputChannels: 1, outputChannels: 1, kernel: Pair(square: 1)),
        ConvolutionCase(height: 5, width: 5, inputChannels: 2, outputChannels: 3, kernel: Pair(square: 3),
                        padding: .same, hasBias: true),
        ConvolutionCase(height: 4, width: 6, inputChannels: 3, outputChannels: 4, kernel: Pair(square: 1)),
        ConvolutionCase(height: 4, width: 7, inputChannels: 4, outputChannels: 5, kernel: Pair(2, 3), rate: Pair(2, 1),
                        padding: .full, fill: .circular),
        ConvolutionCase(height: 6, width: 12, inputChannels: 8, outputChannels: 8, kernel: Pair(square: 3),
                        rate: Pair(square: 2), padding: .same, hasBias: true),
        ConvolutionCase(height: 6, width: 13, inputChannels: 9, outputChannels: 9, kernel: Pair(square: 3),
                        rate: Pair(square: 3), padding: .same, fill: .reflect),
        ConvolutionCase(height: 7, width: 11, inputChannels: 16, outputChannels: 16, kernel: Pair(square: 2),
                        stride: Pair(square: 2), padding: .explicit(top: 1, bottom: 0, left: 2, right: 1),
                        fill: .replicate),
        ConvolutionCase(batch: 3, height: 5, width: 17, inputChannels: 5, outputChannels: 17, kernel: Pair(1, 3),
                        rate: Pair(1, 4), padding: .causal, hasBias: true),
        // 3x3 at stride 1 (Winograd's domain): partial tiles at every rate, odd channel counts.
        ConvolutionCase(batch: 2, height: 7, width: 9, inputChannels: 17, outputChannels: 17, kernel: Pair(square: 3),
                        rate: Pair(square: 2), hasBias: true),
        ConvolutionCase(height: 5, width: 5, inputChannels: 3, outputChannels: 5, kernel: Pair(square: 3),
                        rate: Pair(square: 2)),
        ConvolutionCase(height: 10, width: 11, inputChannels: 16, outputChannels: 32, kernel: Pair(square: 3),
                        rate: Pair(square: 3), padding: .same, fill: .reflect, hasBias: true),
        ConvolutionCase(height: 13, width: 6, inputChannels: 4, outputChannels: 7, kernel: Pair(square: 3),
                        rate: Pair(4, 1), padding: .explicit(top: 3, bottom: 5, left: 0, right: 2), fill: .circular),
        // One output channel (the row loop's domain): strides, rates, several input channels.
        ConvolutionCase(batch: 2, height: 9, width: 11, inputChannels: 1, outputChannels: 1, kernel: Pair(square: 3),
                        rate: Pair(square: 2), padding: .same, hasBias: true),
        ConvolutionCase(height: 10, width: 13, inputChannels: 3, outputChannels: 1, kernel: Pair(2, 3),
                        rate: Pair(1, 3), stride: Pair(2, 3), padding: .same, fill: .reflect),
        ConvolutionCase(height: 1, width: 32, inputChannels: 1, outputChannels: 1, kernel: Pair(1, 2),
                        rate: Pair(1, 8), padding: .causal),
    ]

    @Test("Edge sizes agree in Float", arguments: edges, CorrelationAlgorithm.allCases)
    func edgesFloat(problem: ConvolutionCase, algorithm: CorrelationAlgorithm) {
        #expect(compareWithReference(problem, as: Float.self, seed: 7, algorithm: algorithm) == .agree)
    }

    @Test("Edge sizes agree in Double", arguments: edges, CorrelationAlgorithm.allCases)
    func edgesDouble(problem: ConvolutionCase, algorithm: CorrelationAlgorithm) {
        #expect(compareWithReference(problem, as: Double.self, seed: 7, algorithm: algorithm) == .agree)
    }

    @Test("Any number of workers gives the same bits", arguments: [1, 2, 3, 7], CorrelationAlgorithm.allCases)
    func workersAgree(workers: Int, algorithm: CorrelationAlgorithm) throws {
        // Large enough that the threads are really used (see multiplyAddsPerWorker).
        let problem = ConvolutionCase(height: 21, width: 19, inputChannels: 12, outputChannels: 16,
                                      kernel: Pair(square: 3), rate: Pair(square: 2), padding: .same, hasBias: true)
        var generator = SplitMix64(seed: 99)
        let (input, kernel, bias) = problem.tensors(Float.self, using: &generator)
        let layer = try Convolution(kernel: kernel, bias: bias, rate: problem.rate, padding: problem.padding)
        #expect(21 * 19 * 16 * 9 * 12 >= 2 * Convolution<Float>.multiplyAddsPerWorker)
        #expect(try layer.apply(input, workers: workers, algorithm: algorithm)
            == layer.apply(input, workers: 1, algorithm: algorithm))
        #expect(compareWithReference(problem, as: Float.self, seed: 99, workers: workers, algorithm: algorithm)
            == .agree)
    }

    @Test("Winograd's algorithm is a different computation that agrees with the direct one")
    func algorithmsDiffer() throws {
        let problem = ConvolutionCase(height: 14, width: 13, inputChannels: 8, outputChannels: 16,
                                      kernel: Pair(square: 3), rate: Pair(square: 2), padding: .same, hasBias: true)
        var generator = SplitMix64(seed: 5)
        let (input, kernel, bias) = problem.tensors(Float.self, using: &generator)
        let layer = try Convolution(kernel: kernel, bias: bias, rate: problem.rate, padding: problem.padding)
        let direct = try layer.apply(input, workers: 1, algorithm: .direct)
        let winograd = try layer.apply(input, workers: 1, algorithm: .winograd)
        // Different rounding proves the transforms ran; agreement proves they are right.
        #expect(direct != winograd)
        #expect(winograd.isClose(to: direct))
    }

    @Test("The direct sum by default, along the rows for one output channel; Winograd only on request")
    func algorithmChoice() {
        func choice(kernel: Pair, stride: Int = 1, cin: Int, cout: Int,
                    algorithm: ConvolutionAlgorithm = .direct) -> CorrelationAlgorithm {
            let job = CorrelationJob<Float>(
                source: UnsafePointer(bitPattern: 64)!, padded: FeatureMapShape(batch: 1, height: 9, width: 9, channels: cin),
                output: UnsafeMutablePointer(bitPattern: 64)!,
                outputShape: FeatureMapShape(batch: 1, height: 5, width: 5, channels: cout),
                kernel: KernelShape(height: kernel.height, width: kernel.width, inputChannels: cin, outputChannels: cout),
                rate: Pair(square: 2), stride: Pair(square: stride))
            return CorrelationAlgorithm.loop(for: job, algorithm: algorithm)
        }
        #expect(choice(kernel: Pair(square: 3), cin: 32, cout: 64) == .direct)
        #expect(choice(kernel: Pair(square: 3), cin: 64, cout: 3) == .direct)
        #expect(choice(kernel: Pair(square: 3), cin: 1, cout: 1) == .rows)
        #expect(choice(kernel: Pair(square: 5), stride: 2, cin: 3, cout: 1) == .rows)
        #expect(choice(kernel: Pair(square: 3), cin: 64, cout: 1) == .rows)
        #expect(choice(kernel: Pair(square: 3), cin: 32, cout: 64, algorithm: .winograd) == .winograd)
        #expect(choice(kernel: Pair(square: 3), cin: 1, cout: 1, algorithm: .winograd) == .winograd)
        #expect(choice(kernel: Pair(square: 3), stride: 2, cin: 32, cout: 64, algorithm: .winograd) == .direct)
        #expect(choice(kernel: Pair(square: 5), cin: 32, cout: 1, algorithm: .winograd) == .rows)
    }

    @Test("Rank-2 and rank-3 inputs keep their rank")
    func ranks() throws {
        let layer = try Convolution(kernel: Tensor<Double>(shape: [3, 3], repeating: 1), rate: Pair(square: 2),
                                    padding: .same)
        let map = Tensor<Double>(shape: [6, 5]) { Double($0[0] * 5 + $0[1]) }
        let flat = try layer(map)
        let image = try layer(map.reshaped([6, 5, 1]))
        #expect(flat.shape == [6, 5])
        #expect(image.shape == [6, 5, 1])
        let expected = try ReferenceConvolution.apply(map.reshaped([1, 6, 5, 1]), kernel: layer.kernel, bias: nil,
                                                      rate: Pair(square: 2), stride: Pair(square: 1),
                                                      padding: .same, fill: .zeros)
        #expect(flat.reshaped([1, 6, 5, 1]).isClose(to: expected))
        #expect(image.scalars == flat.scalars)
    }

    @Test("The reference dilates a kernel with zeros between its taps")
    func dilation() {
        let kernel = Tensor<Float>(shape: [2, 2, 1, 1], scalars: [1, 2, 3, 4])
        let dilated = ReferenceConvolution.dilate(kernel, rate: Pair(2, 3))
        #expect(dilated.shape == [3, 4, 1, 1])
        #expect(dilated.scalars == [1, 0, 0, 2,
                                    0, 0, 0, 0,
                                    3, 0, 0, 4])
    }
}
