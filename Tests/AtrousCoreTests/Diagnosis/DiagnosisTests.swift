import Testing
import AtrousCore

/// Each convention that people mix up, produced by atrous's own core with that one convention
/// changed, is what the diagnosis names first.
struct DiagnosisTests {
    let input = DiagnosisCase.random([13, 12, 2], seed: 1)
    let kernel = DiagnosisCase.random([3, 3, 2, 2], seed: 2)
    let bias: [Double] = [0.5, -1.25]

    private func best(_ actual: Tensor<Double>, input: Tensor<Double>? = nil, kernel: Tensor<Double>? = nil,
                      bias: [Double]? = nil) throws -> DiagnosisFinding {
        let report = try Diagnosis.run(input: input ?? self.input, kernel: kernel ?? self.kernel, actual: actual,
                                       bias: bias)
        let first = try #require(report.matches.first, "nothing matches; closest: \(report.closest.map(\.sentence))")
        #expect(first.maxAbsError <= report.tolerance)
        return first
    }

    @Test func tensorFlowsStandardCallIsReportedAsSuch() throws {
        let actual = try Convolution(kernel: kernel, bias: bias, rate: Pair(2, 2), padding: .same)(input)
        let finding = try best(actual, bias: bias)
        #expect(finding.isTensorFlowStandard)
        #expect(finding.padding == .same && finding.rate == Pair(2, 2) && finding.stride == Pair(1, 1))
        #expect(finding.bias == .used && finding.kernel == .asIs && !finding.twice && finding.inputLayout == .nhwc)
        #expect(finding.frameworkCall == "tf.nn.atrous_conv2d(x, k, 2, 'SAME') + b")
        #expect(finding.sentence.hasPrefix("Matches (max error 0), TensorFlow's standard call: rate 2, stride 1, "
            + "TensorFlow's SAME padding (top 2, bottom 2, left 2, right 2), zero fill, the bias added;"))
    }

    @Test(arguments: [Pair(1, 1), Pair(2, 3), Pair(5, 1), Pair(3, 2)])
    func ratePerAxis(rate: Pair) throws {
        let actual = try Convolution(kernel: kernel, rate: rate, padding: .valid)(input)
        let finding = try best(actual)
        #expect(finding.rate == rate && finding.padding == .valid)
    }

    @Test(arguments: [Pair(2, 1), Pair(1, 4), Pair(3, 3), Pair(4, 2)])
    func stridePerAxis(stride: Pair) throws {
        let actual = try Convolution(kernel: kernel, rate: Pair(2, 1), stride: stride, padding: .same)(input)
        let finding = try best(actual)
        #expect(finding.stride == stride && finding.rate == Pair(2, 1) && finding.padding == .same)
    }

    @Test func rateUsedAsStrideAndStrideAsRate() throws {
        // Meant: rate 2, stride 1 (and rate 1, stride 3); computed with the two exchanged.
        let rateAsStride = try Convolution(kernel: kernel, rate: Pair(1, 1), stride: Pair(2, 2), padding: .same)(input)
        let first = try best(rateAsStride)
        #expect(first.rate == Pair(1, 1) && first.stride == Pair(2, 2))
        let strideAsRate = try Convolution(kernel: kernel, rate: Pair(3, 3), stride: Pair(1, 1), padding: .same)(input)
        let second = try best(strideAsRate)
        #expect(second.rate == Pair(3, 3) && second.stride == Pair(1, 1))
    }

    @Test(arguments: [
        (Padding.full, PaddingConvention.full, [4, 4, 4, 4]),
        (.explicit(top: 1, bottom: 1, left: 1, right: 1), .symmetric, [1, 1, 1, 1]),
        (.explicit(top: 0, bottom: 2, left: 3, right: 1), .explicit, [0, 2, 3, 1]),
    ])
    func padding(padding: Padding, named: PaddingConvention, pads: [Int]) throws {
        let actual = try Convolution(kernel: kernel, rate: Pair(2, 2), padding: padding)(input)
        let finding = try best(actual)
        #expect(finding.padding == named && finding.pads == pads && finding.rate == Pair(2, 2))
    }

    @Test func causalPaddingOfAOneRowKernel() throws {
        let signal = DiagnosisCase.random([1, 24, 1], seed: 3)
        let taps = DiagnosisCase.random([1, 3, 1, 1], seed: 4)
        let actual = try Convolution(kernel: taps, rate: Pair(1, 4), padding: .causal)(signal)
        let finding = try best(actual, input: signal, kernel: taps)
        #expect(finding.padding == .causal && finding.pads == [0, 0, 8, 0] && finding.rate == Pair(1, 4))
    }

    @Test(arguments: [Fill.reflect, .replicate, .circular])
    func fill(fill: Fill) throws {
        let actual = try Convolution(kernel: kernel, rate: Pair(2, 2), padding: .same, fill: fill)(input)
        let finding = try best(actual)
        #expect(finding.fill == fill && finding.padding == .same)
        #expect(finding.frameworkCall.contains("np.pad("))
    }

    @Test func flippedKernelIsATrueConvolution() throws {
        let actual = try Convolution(kernel: DiagnosisCase.flipped(kernel), padding: .same)(input)
        let finding = try best(actual)
        #expect(finding.kernel == .flipped && finding.padding == .same)
        #expect(finding.frameworkCall == "tf.nn.atrous_conv2d(x, k[::-1, ::-1], 1, 'SAME')")
    }

    @Test func kernelWithHeightAndWidthSwapped() throws {
        let wide = DiagnosisCase.random([3, 5, 2, 2], seed: 5)
        let actual = try Convolution(kernel: DiagnosisCase.swappedAxes(wide), padding: .valid)(input)
        let finding = try best(actual, kernel: wide)
        #expect(finding.kernel == .swappedAxes && finding.padding == .valid)
    }

    @Test func kernelWithChannelsSwapped() throws {
        let given = DiagnosisCase.random([3, 3, 3, 2], seed: 6)
        let actual = try Convolution(kernel: DiagnosisCase.swappedChannels(given), rate: Pair(2, 2),
                                     padding: .same)(input)
        let finding = try best(actual, kernel: given)
        #expect(finding.kernel == .swappedChannels && finding.rate == Pair(2, 2))
    }

    @Test func aBiasThatFitsOnlyTheKernelAsGivenStillAllowsSwappedChannels() throws {
        let given = DiagnosisCase.random([3, 3, 3, 2], seed: 7)
        let actual = try Convolution(kernel: DiagnosisCase.swappedChannels(given), padding: .valid)(input)
        let finding = try best(actual, kernel: given, bias: [1, 2])
        #expect(finding.kernel == .swappedChannels && finding.bias == .missing)
    }

    @Test func inputAndOutputChannelsFirst() throws {
        let nhwcOutput = try Convolution(kernel: kernel, rate: Pair(2, 2), padding: .same)(input)
        let finding = try best(DiagnosisCase.channelsFirst(nhwcOutput), input: DiagnosisCase.channelsFirst(input))
        #expect(finding.inputLayout == .nchw && finding.padding == .same && finding.rate == Pair(2, 2))
    }

    @Test func theSameKernelAppliedTwice() throws {
        let first = try Convolution(kernel: kernel, padding: .same)(input)
        let actual = try Convolution(kernel: kernel, rate: Pair(2, 2), padding: .same)(first)
        let finding = try best(actual)
        #expect(finding.twice && finding.rate == Pair(2, 2) && finding.padding == .same)
        #expect(finding.sentence.contains("the same kernel applied twice"))
    }

    @Test func biasMissing() throws {
        let actual = try Convolution(kernel: kernel, rate: Pair(2, 2), padding: .same)(input)
        let finding = try best(actual, bias: bias)
        #expect(finding.bias == .missing && finding.sentence.contains("the bias missing"))
    }

    @Test func nothingMatchesGivesTheClosestWithADifferenceMap() throws {
        var actual = try Convolution(kernel: kernel, rate: Pair(2, 2), padding: .same)(input)
        actual[4, 5, 1] += 3
        let report = try Diagnosis.run(input: input, kernel: kernel, actual: actual)
        #expect(report.matches.isEmpty)
        let closest = try #require(report.closest.first)
        #expect(closest.rate == Pair(2, 2) && closest.padding == .same && closest.maxAbsError == 3)
        #expect(closest.differenceMap.shape == [13, 12] && closest.differenceMap[4, 5] == 3)
        #expect(closest.differenceMap.scalars.filter { $0 != 0 }.count == 1)
        #expect(closest.sentence.hasPrefix("Closest (max error 3.0), TensorFlow's standard call: rate 2, stride 1"))
    }

    @Test func anOutputOfNoReachableShapeIsOneSentence() throws {
        let actual = Tensor<Double>(shape: [40, 40, 2], repeating: 0)
        #expect(throws: DiagnosisError.noConventionFitsShape(input: [13, 12, 2], kernel: [3, 3, 2, 2],
                                                             actual: [40, 40, 2])) {
            try Diagnosis.run(input: input, kernel: kernel, actual: actual)
        }
        let wrongChannels = Tensor<Double>(shape: [13, 12, 5], repeating: 0)
        #expect(throws: DiagnosisError.self) { try Diagnosis.run(input: input, kernel: kernel, actual: wrongChannels) }
    }
}
