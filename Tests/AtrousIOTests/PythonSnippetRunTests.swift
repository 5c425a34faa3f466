import AtrousCore
import AtrousIO
import AtrousTestSupport
import Foundation
import Testing

/// Generated snippets run under Python and agree with atrous's own result.
@Suite struct PythonSnippetRunTests {
    /// What one snippet printed and how it exited.
    struct Run: Decodable {
        let status: Int
        let output: String
        var lines: [String] { output.split(separator: "\n").map(String.init) }
    }

    /// Runs every case's snippet for `framework` in one interpreter, since importing a
    /// framework takes seconds, and returns each run with its case.
    private func runAll(_ framework: SnippetFramework) throws -> [(SnippetCase, Run)] {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let paths = try SnippetCase.all.indices.map { try SnippetCase.all[$0].write(for: framework, in: directory, named: "case\($0)") }
        let driver = """
            import contextlib, io, json, runpy, sys
            for path in sys.argv[1:]:
                printed, status = io.StringIO(), 0
                with contextlib.redirect_stdout(printed):
                    try:
                        runpy.run_path(path, run_name="__main__")
                    except SystemExit as exit:
                        status = exit.code if isinstance(exit.code, int) else 0 if exit.code is None else 1
                print(json.dumps({"status": status, "output": printed.getvalue()}))
            """
        let result = try Python.run(driver, arguments: paths)
        #expect(result.status == 0, "\(result.standardError)")
        let runs = try result.output.split(separator: "\n").map { try JSONDecoder().decode(Run.self, from: Data($0.utf8)) }
        try #require(runs.count == SnippetCase.all.count, "\(result.standardError)")
        return Array(zip(SnippetCase.all, runs))
    }

    /// Checks that every snippet exited with 0 and printed one match line per call in `calls`.
    private func expectMatches(_ framework: SnippetFramework, calls: (SnippetCase) -> [String]) throws {
        for (snippetCase, run) in try runAll(framework) {
            #expect(run.status == 0, "\(framework) \(snippetCase.name): \(run.output)")
            #expect(run.lines.map { String($0.prefix { $0 != " " }) } == calls(snippetCase), "\(snippetCase.name)")
            for line in run.lines {
                #expect(line.contains(" matches atrous: max abs error "), "\(framework) \(snippetCase.name): \(line)")
            }
        }
    }

    @Test(.enabled(if: Python.hasNumpy)) func numpySnippetsMatch() throws {
        try expectMatches(.numpy) { _ in ["NumPy"] }
    }

    @Test(.enabled(if: Python.canImport(SnippetFramework.jax.pythonModule))) func jaxSnippetsMatch() throws {
        try expectMatches(.jax) { _ in ["jax.lax.conv_general_dilated"] }
    }

    @Test(.enabled(if: Python.canImport(SnippetFramework.pytorch.pythonModule))) func pytorchSnippetsMatch() throws {
        try expectMatches(.pytorch) { _ in ["torch.nn.functional.conv2d"] }
    }

    /// tf.nn.conv2d always; tf.nn.atrous_conv2d at stride 1 with one rate and VALID or SAME
    /// (padding by hand counts as VALID); Keras Conv2D unless stride and dilation meet.
    @Test(.enabled(if: Python.canImport(SnippetFramework.tensorflow.pythonModule))) func tensorflowSnippetsMatch() throws {
        try expectMatches(.tensorflow) { snippetCase in
            let strided = snippetCase.stride != Pair(square: 1), dilated = snippetCase.rate != Pair(square: 1)
            let namedPadding = [.valid, .same].contains(snippetCase.padding) || snippetCase.fill != .zeros
            var calls = ["tf.nn.conv2d"]
            if !strided && snippetCase.rate.isSquare && namedPadding { calls.append("tf.nn.atrous_conv2d") }
            if !(strided && dilated) { calls.append("tf.keras.layers.Conv2D") }
            return calls
        }
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
