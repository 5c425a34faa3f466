import AtrousTestSupport
import Foundation
import Testing

/// `atrous diagnose` on outputs that TensorFlow, Keras and PyTorch computed
/// (`Tests/Fixtures/diagnose/make_cases.py`), and on the worked example under `Assets/diagnose`.
@Suite("atrous diagnose, through the binary")
struct DiagnoseCommandTests {
    static let directory = Fixtures.root.appendingPathComponent("diagnose")
    static let example = Fixtures.packageRoot.appendingPathComponent("Assets/diagnose")

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: [String]
        let files: (input: String, kernel: String, actual: String, bias: String?)
        /// What the first match must say, as JSON values.
        let expect: [String: String]
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("cases.json").path),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
        return list.map { entry in
            let path = { (key: String) in (entry[key] as? String).map { directory.appendingPathComponent($0).path } }
            let files = (path("input")!, path("kernel")!, path("actual")!, path("bias"))
            var arguments = ["diagnose", "--input", files.0, "--kernel", files.1, "--actual", files.2, "--json"]
            if let bias = files.3 { arguments += ["--bias", bias] }
            let expect = (entry["expect"] as? [String: Any] ?? [:]).mapValues(jsonText)
            return Case(name: entry["name"] as? String ?? "?", arguments: arguments, files: files, expect: expect)
        }
    }()

    /// A JSON value in one canonical text, for comparing what the fixture expects with what was printed.
    static func jsonText(_ value: Any) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
    }

    static func firstMatch(_ arguments: [String]) throws -> [String: Any] {
        let result = try AtrousBinary.run(arguments)
        try #require(result.status == 0, "stderr: \(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any])
        let matches = try #require(object["matches"] as? [[String: Any]])
        return try #require(matches.first, "no match: \(result.output)")
    }

    @Test("the convention a framework used is named first", arguments: cases)
    func frameworkCase(_ testCase: Case) throws {
        #expect(Self.cases.count >= 8, "the fixtures hold their cases")
        let match = try Self.firstMatch(testCase.arguments)
        for key in ["rate", "stride", "pads", "fill", "kernel", "input_layout", "twice", "bias", "max_abs_error"] {
            #expect(match[key] != nil, "the match has \(key)")
        }
        for (key, value) in testCase.expect {
            #expect(Self.jsonText(match[key] ?? "missing") == value, "\(key)")
        }
    }

    @Test("the TensorFlow call named for each match computes the output",
          .enabled(if: Python.canImport("tensorflow")), arguments: cases)
    func callComputesTheOutput(_ testCase: Case) throws {
        let match = try Self.firstMatch(testCase.arguments)
        try Self.expectComputes(try #require(match["call"] as? String), files: testCase.files)
    }

    @Test("the worked example's call computes the layer's output", .enabled(if: Python.canImport("tensorflow")))
    func workedExampleCall() throws {
        let path = { (name: String) in Self.example.appendingPathComponent(name).path }
        let files = (path("seed-input-16x16x2.npy"), path("seed-kernel-3x3x2x2.npy"), path("seed-output-16x16x2.npy"),
                     String?.none)
        let match = try Self.firstMatch(["diagnose", "--input", files.0, "--kernel", files.1, "--actual", files.2,
                                         "--json"])
        #expect(match["twice"] as? Bool == true)
        try Self.expectComputes(try #require(match["call"] as? String), files: files)
    }

    /// Evaluates `call` in TensorFlow on the case's arrays and expects the actual output.
    static func expectComputes(_ call: String, files: (input: String, kernel: String, actual: String, bias: String?)) throws {
        let script = directory.appendingPathComponent("eval_call.py").path
        let result = try Python.runFile(script, arguments: [files.input, files.kernel, files.actual, files.bias ?? "-", call])
        try #require(result.status == 0, "stderr: \(result.standardError)")
        let last = result.output.split(separator: "\n").last.map(String.init) ?? ""
        let error = try #require(Double(last), "\(result.output)")
        #expect(error < 1e-4, "\(call) differs by \(error)")
    }

    @Test("the seed's custom layer is the same kernel applied twice")
    func workedExample() throws {
        let path = { (name: String) in Self.example.appendingPathComponent(name).path }
        let result = try AtrousBinary.run(["diagnose", "--input", path("seed-input-16x16x2.npy"),
                                           "--kernel", path("seed-kernel-3x3x2x2.npy"),
                                           "--actual", path("seed-output-16x16x2.npy")])
        try #require(result.status == 0, "stderr: \(result.standardError)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1] == "1 configuration reproduces the output:")
        #expect(lines[2].hasPrefix("1. Matches (max error "))
        #expect(lines[2].hasSuffix("): the same kernel applied twice, first at rate 1 with SAME padding, then rate 2, "
            + "stride 1, TensorFlow's SAME padding (top 2, bottom 2, left 2, right 2), zero fill; computed by "
            + "tf.nn.atrous_conv2d(tf.nn.conv2d(x, k, 1, 'SAME'), k, 2, 'SAME')."))
    }

    @Test("the worked example's session shows the layer's output beside atrous's, diagnosed")
    func workedExampleSession() throws {
        let path = { (name: String) in Self.example.appendingPathComponent(name).path }
        let result = try AtrousBinary.run(["render", "--session", path("seed-layer.atrous.json"), "--size", "120x40",
                                           "--keys", ":actual \(path("seed-output-16x16x2.npy"))<Enter>"])
        try #require(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.output.contains(" rate 2  kernel 3x3  stride 1  pad same"))
        #expect(result.output.contains("note: Matches (max error "))
        #expect(result.output.contains("the same kernel applied twice"))
    }

    @Test("nothing within the tolerance: the closest, each with a map of its differences")
    func closest() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let input = scratch.path("x.csv"), kernel = scratch.path("k.csv"), actual = scratch.path("y.csv")
        try "1,2,3,4\n5,6,7,8\n9,10,11,12\n13,14,15,16\n".write(toFile: input, atomically: true, encoding: .utf8)
        try "1,0\n0,-1\n".write(toFile: kernel, atomically: true, encoding: .utf8)
        // The valid correlation is -5 everywhere; one value is off by 2.
        try "-5,-5,-5\n-5,-3,-5\n-5,-5,-5\n".write(toFile: actual, atomically: true, encoding: .utf8)
        let result = try AtrousBinary.run(["diagnose", "--input", input, "--kernel", kernel, "--actual", actual])
        try #require(result.status == 0, "stderr: \(result.standardError)")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1] == "No configuration reproduces the output; the closest:")
        #expect(lines[2].hasPrefix("1. Closest (max error 2.0), TensorFlow's standard call: rate 1, stride 1, "
            + "no padding (VALID), zero fill;"))
        #expect(Array(lines[3...7]) == [
            "   Differences, rows x columns, ' ' none to '@' 2.0:",
            "   |   |",
            "   | @ |",
            "   |   |",
            "   Largest: (1, 1) 2.0",
        ])
    }

    @Test("an output no convention can shape is refused in one sentence")
    func wrongShape() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let input = scratch.path("x.csv"), kernel = scratch.path("k.csv"), actual = scratch.path("y.csv")
        try "1,2,3\n4,5,6\n".write(toFile: input, atomically: true, encoding: .utf8)
        try "1,0\n0,1\n".write(toFile: kernel, atomically: true, encoding: .utf8)
        try (String(repeating: "0,", count: 29) + "0\n").write(toFile: actual, atomically: true, encoding: .utf8)
        let result = try AtrousBinary.run(["diagnose", "--input", input, "--kernel", kernel, "--actual", actual])
        #expect(result.status != 0 && result.output.isEmpty)
        #expect(Sentence.isSingle(result.standardError), "\(result.standardError)")
        #expect(result.standardError.contains("into an output of shape (1, 30)"))
    }

    @Test("a missing file is one sentence naming it")
    func missingFile() throws {
        let result = try AtrousBinary.run(["diagnose", "--input", "absent.npy", "--kernel", "k.npy", "--actual", "y.npy"])
        #expect(result.status != 0)
        #expect(Sentence.isSingle(result.standardError) && result.standardError.contains("absent.npy"))
    }
}
