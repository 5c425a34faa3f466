import AtrousCore
import AtrousIO
import AtrousTestSupport
import Testing

@Suite("TensorFlow and JAX conformance, through the atrous binary")
struct ConformanceCLITests {
    static let cases = (try? ConformanceCase.all()) ?? []

    @Test("each case run by `atrous compute` matches the reference or fails cleanly", arguments: cases)
    func conformance(_ testCase: ConformanceCase) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let output = directory.path("out.npy")
        let result = try AtrousBinary.run(testCase.computeArguments(output: output))
        if testCase.expectError {
            #expect(result.status != 0)
            #expect(Sentence.isSingle(result.standardError), "stderr: \(result.standardError)")
            #expect(try directory.contents() == [])
            return
        }
        try #require(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.standardError.isEmpty && result.standardOutput.isEmpty)
        let expected = try ArrayFile.read(path: testCase.path(try #require(testCase.expected)))
        let actual = try ArrayFile.read(path: output)
        #expect(try actual.dtypeName == ArrayFile.read(path: testCase.path(testCase.input)).dtypeName)
        let (y, e) = (actual.converted(to: Double.self), expected.converted(to: Double.self))
        #expect(y.shape == e.shape)
        #expect(y.isClose(to: e), "max |difference| \(y.maxAbsoluteDifference(to: e))")
    }
}
