import AtrousCore
import AtrousIO
import AtrousTestSupport
import Testing

@Suite("TensorFlow and JAX conformance, in process")
struct ConvolutionConformanceTests {
    static let cases = (try? ConformanceCase.all()) ?? []

    @Test("the fixtures hold the 40 reference cases")
    func fixturesPresent() {
        #expect(Self.cases.count == 40)
        #expect(Self.cases.filter(\.expectError).count == 2)
    }

    @Test("each case read with AtrousIO and convolved matches the reference", arguments: cases)
    func conformance(_ testCase: ConformanceCase) throws {
        let input = try ArrayFile.read(path: testCase.path(testCase.input))
        switch input {
        case let .float(tensor): try check(testCase, tensor)
        case let .double(tensor): try check(testCase, tensor)
        }
    }

    private func check<S: ConvolutionScalar>(_ testCase: ConformanceCase, _ input: Tensor<S>) throws {
        let kernel = try ArrayFile.read(path: testCase.path(testCase.kernel)).converted(to: S.self)
        let bias = try testCase.bias.map { try ArrayFile.read(path: testCase.path($0)).converted(to: S.self).scalars }
        let padding = try #require(Padding(parsing: testCase.padding))
        let fill = try #require(Fill(rawValue: testCase.fill))
        let run = {
            let layer = try Convolution(kernel: kernel, bias: bias, rate: Pair(testCase.rate[0], testCase.rate[1]),
                                        stride: Pair(testCase.stride[0], testCase.stride[1]),
                                        padding: padding, fill: fill)
            return try layer(input)
        }
        if testCase.expectError {
            #expect(throws: ConvolutionError.self) { try run() }
            return
        }
        let expected = try ArrayFile.read(path: testCase.path(try #require(testCase.expected))).converted(to: S.self)
        let result = try run()
        #expect(result.shape == expected.shape)
        #expect(result.isClose(to: expected), "max |difference| \(result.maxAbsoluteDifference(to: expected))")
    }
}
