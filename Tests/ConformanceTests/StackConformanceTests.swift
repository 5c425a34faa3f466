import AtrousCore
import AtrousIO
import AtrousTestSupport
import Testing

/// The stacks computed layer by layer with TensorFlow, against ``ConvolutionStack``.
@Suite("Stack conformance, in process")
struct StackConformanceTests {
    static let cases = (try? StackCase.all()) ?? []

    @Test("the fixtures hold the 12 reference stacks and one to refuse")
    func fixturesPresent() {
        #expect(Self.cases.count == 13)
        #expect(Self.cases.filter(\.expectError).count == 1)
    }

    @Test("every layer's output matches the reference, or the stack is refused", arguments: cases)
    func conformance(_ testCase: StackCase) throws {
        switch try ArrayFile.read(path: StackCase.path(testCase.input)) {
        case let .float(tensor): try check(testCase, tensor)
        case let .double(tensor): try check(testCase, tensor)
        }
    }

    private func check<S: ConvolutionScalar>(_ testCase: StackCase, _ input: Tensor<S>) throws {
        let layers = try testCase.layers.map { layer in
            // The notation the command line reads builds the layer, so the test covers it too.
            let notation = try ComputedLayerNotation(notation: layer.notation)
            let kernel = try ArrayFile.read(path: notation.weights).converted(to: S.self)
            let bias = try notation.bias.map { try ArrayFile.read(path: $0).converted(to: S.self).scalars }
            return StackLayer(try Convolution(kernel: kernel, bias: bias, rate: notation.rate, stride: notation.stride,
                                              padding: notation.padding, fill: notation.fill),
                              activation: notation.activation)
        }
        if testCase.expectError {
            let error = #expect(throws: ConvolutionStackError.self) { try ConvolutionStack(layers) }
            #expect(error == .channelsDoNotChain(index: 1, previousOutputChannels: 3, inputChannels: 4))
            return
        }
        let outputs = try ConvolutionStack(layers).outputs(of: input)
        #expect(outputs.count == testCase.layers.count)
        for (index, (output, layer)) in zip(outputs, testCase.layers).enumerated() {
            let expected = try ArrayFile.read(path: StackCase.path(try #require(layer.output))).converted(to: S.self)
            #expect(output.shape == expected.shape, "layer \(index + 1)")
            #expect(output.isClose(to: expected), "layer \(index + 1): max |difference| \(output.maxAbsoluteDifference(to: expected))")
        }
        let last = try ArrayFile.read(path: StackCase.path(try #require(testCase.expected))).converted(to: S.self)
        #expect(try #require(outputs.last) == (try ConvolutionStack(layers)(input)))
        #expect(try #require(outputs.last).isClose(to: last))
    }
}
