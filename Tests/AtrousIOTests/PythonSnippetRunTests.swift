import AtrousCore
import AtrousIO
import AtrousTestSupport
import Testing

/// Generated snippets run under Python and agree with atrous's own result.
@Suite struct PythonSnippetRunTests {
    /// Runs the snippet for `framework` and returns its output lines, after checking that it
    /// exited with 0 and that every line reports a match.
    private func runAndExpectMatches(_ snippetCase: SnippetCase, _ framework: SnippetFramework) throws -> [String] {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try snippetCase.write(for: framework, in: directory)
        let result = try Python.runFile(path)
        #expect(result.status == 0, "\(framework) \(snippetCase.name): \(result.output)\(result.standardError)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.contains(" matches atrous: max abs error "), "\(framework) \(snippetCase.name): \(line)")
        }
        return lines
    }

    @Test(.enabled(if: Python.hasNumpy), arguments: SnippetCase.all)
    func numpySnippetMatches(_ snippetCase: SnippetCase) throws {
        let lines = try runAndExpectMatches(snippetCase, .numpy)
        #expect(lines.count == 1 && lines[0].hasPrefix("NumPy matches atrous"))
    }

    @Test(.enabled(if: Python.canImport("jax")), arguments: SnippetCase.all)
    func jaxSnippetMatches(_ snippetCase: SnippetCase) throws {
        let lines = try runAndExpectMatches(snippetCase, .jax)
        #expect(lines.count == 1 && lines[0].hasPrefix("jax.lax.conv_general_dilated matches atrous"))
    }

    @Test(.enabled(if: Python.canImport("torch")), arguments: SnippetCase.all)
    func pytorchSnippetMatches(_ snippetCase: SnippetCase) throws {
        let lines = try runAndExpectMatches(snippetCase, .pytorch)
        #expect(lines.count == 1 && lines[0].hasPrefix("torch.nn.functional.conv2d matches atrous"))
    }

    @Test(.enabled(if: Python.canImport("tensorflow")), arguments: SnippetCase.all)
    func tensorflowSnippetMatches(_ snippetCase: SnippetCase) throws {
        let lines = try runAndExpectMatches(snippetCase, .tensorflow)
        let strided = snippetCase.stride != Pair(square: 1), dilated = snippetCase.rate != Pair(square: 1)
        let namedPadding = [.valid, .same].contains(snippetCase.padding) || snippetCase.fill != .zeros
        var calls = ["tf.nn.conv2d"]
        if !strided && snippetCase.rate.isSquare && namedPadding { calls.append("tf.nn.atrous_conv2d") }
        if !(strided && dilated) { calls.append("tf.keras.layers.Conv2D") }
        #expect(lines.map { String($0.prefix { $0 != " " }) } == calls)
    }

    /// Every snippet is valid Python, whether or not its framework is installed here.
    @Test(.enabled(if: Python.hasNumpy), arguments: SnippetCase.all)
    func everySnippetCompiles(_ snippetCase: SnippetCase) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let paths = try SnippetFramework.allCases.map { try snippetCase.write(for: $0, in: directory, named: $0.rawValue) }
        let result = try Python.run("import py_compile, sys\nfor path in sys.argv[1:]: py_compile.compile(path, doraise=True)",
                                    arguments: paths)
        #expect(result.status == 0, "\(snippetCase.name): \(result.standardError)")
        #expect(try directory.contents().filter { $0.hasSuffix(".py") }.count == 4)
    }

    /// The check is real: a result that differs from the snippet's makes it fail.
    @Test(.enabled(if: Python.hasNumpy)) func aDifferentExpectedResultFails() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let snippetCase = SnippetCase.all[2]
        let path = try snippetCase.write(for: .numpy, in: directory)
        let expectedPath = directory.path("snippet.expected.npy")
        guard case var .double(expected) = try ArrayFile.read(path: expectedPath) else {
            Issue.record("the case writes float64")
            return
        }
        expected.scalars[expected.count / 2] += 0.01
        try ArrayFile.write(expected, to: expectedPath, overwrite: true)
        let result = try Python.runFile(path)
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("NumPy DIFFERS from atrous: max abs error 0.01 "), "\(result.output)")
    }

    @Test(.enabled(if: Python.hasNumpy)) func arraysOfOtherShapesAreRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try SnippetCase.all[0].write(for: .numpy, in: directory)
        try ArrayFile.write(Tensor<Float>(shape: [9, 10], repeating: 1), to: directory.path("snippet.input.npy"),
                            overwrite: true)
        let result = try Python.runFile(path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("The input has shape (9, 10), but this snippet was written for (9, 11)."))
    }
}
