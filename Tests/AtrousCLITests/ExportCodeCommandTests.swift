import AtrousCore
import AtrousIO
import AtrousTestSupport
import Foundation
import Testing

@Suite("atrous export-code")
struct ExportCodeCommandTests {
    static let input = Tensor<Double>(shape: [1, 7, 8, 2]) { i in Double(i[1] * 8 + i[2]) / 10 - Double(i[3]) }
    static let kernel = Tensor<Float>(shape: [3, 3, 2, 3]) { i in Float(i[0] - i[1] + i[2] * i[3]) / 4 }
    static let bias = Tensor<Float>(shape: [3], scalars: [0.5, -1, 2])

    /// A scratch directory holding `x.npy`, `k.npy` and `b.npy`.
    static func workspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try ArrayFile.write(input, to: directory.path("x.npy"), overwrite: false)
        try ArrayFile.write(kernel, to: directory.path("k.npy"), overwrite: false)
        try ArrayFile.write(bias, to: directory.path("b.npy"), overwrite: false)
        return directory
    }

    static let layerFlags = ["--rate", "2", "--stride", "1,2", "--padding", "same", "--fill", "reflect"]

    static func arguments(_ directory: TemporaryDirectory, framework: String = "numpy", output: String,
                          _ extra: [String] = []) -> [String] {
        ["export-code", "--framework", framework, "--input", directory.path("x.npy"), "--kernel", directory.path("k.npy"),
         "--bias", directory.path("b.npy"), "--output", output] + layerFlags + extra
    }

    @Test("the snippet and its four arrays are written; the expected array is what compute gives")
    func writesSnippetAndArrays() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        let result = try AtrousBinary.run(Self.arguments(directory, output: directory.path("conv.py")))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output.contains("python3 \(directory.path("conv.py"))"))
        #expect(try directory.contents() == ["b.npy", "conv.bias.npy", "conv.expected.npy", "conv.input.npy",
                                             "conv.kernel.npy", "conv.py", "k.npy", "x.npy"])
        #expect(try ArrayFile.read(path: directory.path("conv.input.npy")) == .double(Self.input))
        #expect(try ArrayFile.read(path: directory.path("conv.kernel.npy")) == .double(Self.kernel.converted(to: Double.self)))
        #expect(try ArrayFile.read(path: directory.path("conv.bias.npy")) == .double(Self.bias.converted(to: Double.self)))

        let compute = try AtrousBinary.run(["compute", "--input", directory.path("x.npy"), "--kernel", directory.path("k.npy"),
                                            "--bias", directory.path("b.npy"), "--output", "-"] + Self.layerFlags)
        #expect(compute.status == 0, "\(compute.standardError)")
        #expect(directory.bytes("conv.expected.npy") == compute.standardOutput)

        let snippet = String(decoding: directory.bytes("conv.py") ?? [], as: UTF8.self)
        #expect(snippet.contains("np.load(HERE / \"conv.expected.npy\")"))
        #expect(!snippet.contains(directory.url.path), "the snippet loads its arrays relative to itself")
    }

    @Test("the NumPy snippet runs and matches, also after moving the folder", .enabled(if: Python.hasNumpy))
    func snippetRuns() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        let result = try AtrousBinary.run(Self.arguments(directory, output: directory.path("conv.py")))
        #expect(result.status == 0, "\(result.standardError)")
        let moved = try TemporaryDirectory()
        defer { moved.remove() }
        for name in try directory.contents() where name.hasPrefix("conv.") {
            try moved.write(directory.bytes(name) ?? [], to: name)
        }
        let run = try Python.runFile(moved.path("conv.py"))
        #expect(run.status == 0, "\(run.output)\(run.standardError)")
        #expect(run.output.hasPrefix("NumPy matches atrous: max abs error "))
    }

    @Test("every framework name is accepted", arguments: SnippetFramework.allCases)
    func frameworks(_ framework: SnippetFramework) throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        let result = try AtrousBinary.run(Self.arguments(directory, framework: framework.rawValue,
                                                         output: directory.path("s.py")))
        #expect(result.status == 0, "\(result.standardError)")
        let snippet = String(decoding: directory.bytes("s.py") ?? [], as: UTF8.self)
        #expect(snippet.contains("with \(framework.displayName)."))
    }

    @Test("an image input reads as (H,W,1) in [0, 1]", .enabled(if: Python.hasNumpy))
    func imageInput() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        try directory.write(Array("P2\n# a ramp\n4 3\n10\n0 1 2 3\n4 5 6 7\n8 9 10 10\n".utf8), to: "ramp.pgm")
        try ArrayFile.write(Tensor<Float>(shape: [2, 2], scalars: [1, -1, 2, 0.5]), to: directory.path("k2.npy"),
                            overwrite: false)
        let result = try AtrousBinary.run(["export-code", "--framework", "numpy", "--input", directory.path("ramp.pgm"),
                                           "--kernel", directory.path("k2.npy"), "--padding", "same",
                                           "--output", directory.path("ramp.py")])
        #expect(result.status == 0, "\(result.standardError)")
        let stored = try ArrayFile.read(path: directory.path("ramp.input.npy"))
        #expect(stored.shape == [3, 4, 1])
        #expect(stored.converted(to: Double.self).scalars == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10].map { $0 / 10 })
        let run = try Python.runFile(directory.path("ramp.py"))
        #expect(run.status == 0, "\(run.output)\(run.standardError)")
    }

    @Test("a snippet name with quotes and spaces still loads its arrays", .enabled(if: Python.hasNumpy))
    func awkwardName() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        let name = "my \"odd\" layer.py"
        let result = try AtrousBinary.run(Self.arguments(directory, output: directory.path(name)))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try directory.contents().contains("my \"odd\" layer.expected.npy"))
        let run = try Python.runFile(directory.path(name))
        #expect(run.status == 0, "\(run.output)\(run.standardError)")
    }

    @Test("any existing file of the set is refused without --force, and nothing is written")
    func noSilentOverwrite() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        try directory.write(Array("keep me".utf8), to: "conv.expected.npy")
        let before = try directory.contents()
        let refused = try AtrousBinary.run(Self.arguments(directory, output: directory.path("conv.py")))
        #expect(refused.status != 0)
        #expect(refused.standardError == "Error: The output \(directory.path("conv.expected.npy")) already exists; "
            + "pass --force to overwrite it.\n")
        #expect(try directory.contents() == before)
        #expect(directory.bytes("conv.expected.npy") == Array("keep me".utf8))

        let forced = try AtrousBinary.run(Self.arguments(directory, output: directory.path("conv.py"), ["--force"]))
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(directory.bytes("conv.expected.npy") != Array("keep me".utf8))
        #expect(try directory.contents().filter { $0.hasPrefix(".") }.isEmpty, "no temporary file is left behind")
    }

    @Test("errors are one sentence and leave no file", arguments: [
        (["--output", "-"], "The snippet must be written to a file, not -, since its arrays are written beside it."),
        (["--output", "OUT", "--padding", "causal"], "Causal padding is 1-D and needs a kernel height of 1, got 3."),
        (["--output", "OUT", "--bias", "K"], "The bias must be a vector of shape (Cout,), got shape (3, 3, 2, 3)."),
        (["--output", "NODIR"], "does not exist."),
    ])
    func failures(flags: [String], message: String) throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        let before = try directory.contents()
        let substitutions = ["OUT": directory.path("s.py"), "NODIR": directory.path("none/s.py"), "K": directory.path("k.npy")]
        let result = try AtrousBinary.run(["export-code", "--framework", "jax", "--input", directory.path("x.npy"),
                                           "--kernel", directory.path("k.npy")] + flags.map { substitutions[$0] ?? $0 })
        #expect(result.status != 0)
        #expect(result.standardError.hasPrefix("Error: ") && result.standardError.hasSuffix(message + "\n"),
                "stderr: \(result.standardError)")
        #expect(try directory.contents() == before)
    }

    @Test("an unknown framework names the flag")
    func unknownFramework() throws {
        let directory = try Self.workspace()
        defer { directory.remove() }
        let result = try AtrousBinary.run(Self.arguments(directory, framework: "caffe", output: directory.path("s.py")))
        #expect(result.status != 0)
        #expect(result.standardError.hasPrefix("Error: The value 'caffe' is invalid for '--framework"), "\(result.standardError)")
    }

    @Test("--help lists the layer flags shared with compute")
    func help() throws {
        let result = try AtrousBinary.run(["export-code", "--help"])
        #expect(result.status == 0)
        for flag in ["--framework", "--input", "--kernel", "--bias", "--rate", "--stride", "--padding", "--fill",
                     "--output", "--force"] {
            #expect(result.output.contains(flag), "missing \(flag)")
        }
    }
}

@Suite("atrous export-code --session")
struct ExportCodeSessionTests {
    /// A session of a two-channel input under an edited random kernel, written by hand in the
    /// session format so the command is tested against the documented file, not the writer.
    static let session = """
        {
          "format": "atrous-session",
          "version": 1,
          "input": {
            "source": {"file": "rgb.npy"},
            "shape": [1, 3, 4, 2],
            "values": [0, 1, 2, 3, 4, 5, 6, 7,
                       8, 9, 10, 11, 12, 13, 14, 15,
                       16, 17, 18, 19, 20, 21, 22, 23.5]
          },
          "kernel": {
            "source": {"preset": "random", "seed": 7, "edited": true},
            "shape": [2, 2, 2, 1],
            "values": [0.5, -1, 0.25, 2, 1, 0, -0.5, 0.125]
          },
          "layer": "k=2,r=2x1,s=1,p=same",
          "fill": "replicate",
          "position": [1, 2]
        }
        """

    @Test("the session's input, kernel and layer make the snippet")
    func writesFromASession() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Array(Self.session.utf8), to: "lesson.atrous.json")
        let result = try AtrousBinary.run(["export-code", "--framework", "numpy", "--session",
                                           directory.path("lesson.atrous.json"), "--output", directory.path("l.py")])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try directory.contents() == ["l.expected.npy", "l.input.npy", "l.kernel.npy", "l.py", "lesson.atrous.json"])
        let input = try ArrayFile.read(path: directory.path("l.input.npy"))
        #expect(input.shape == [1, 3, 4, 2])
        #expect(input.converted(to: Double.self).scalars.last == 23.5)
        let kernel = try ArrayFile.read(path: directory.path("l.kernel.npy"))
        #expect(kernel.converted(to: Double.self).scalars == [0.5, -1, 0.25, 2, 1, 0, -0.5, 0.125])

        // The same layer through compute gives the expected array the snippet checks against.
        let compute = try AtrousBinary.run(["compute", "--input", directory.path("l.input.npy"),
                                            "--kernel", directory.path("l.kernel.npy"), "--rate", "2,1",
                                            "--padding", "same", "--fill", "replicate", "--output", "-"])
        #expect(compute.status == 0, "\(compute.standardError)")
        #expect(directory.bytes("l.expected.npy") == compute.standardOutput)
        let source = String(decoding: directory.bytes("l.py") ?? [], as: UTF8.self)
        #expect(source.contains("Layer: kernel 2x2 at rate 2x1, stride 1x1,"))
    }

    @Test("the snippet from a session runs and matches", .enabled(if: Python.hasNumpy))
    func runs() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Array(Self.session.utf8), to: "lesson.atrous.json")
        let result = try AtrousBinary.run(["export-code", "--framework", "numpy", "--session",
                                           directory.path("lesson.atrous.json"), "--output", directory.path("l.py")])
        #expect(result.status == 0, "\(result.standardError)")
        let run = try Python.runFile(directory.path("l.py"))
        #expect(run.status == 0, "\(run.output)\(run.standardError)")
        #expect(run.output.hasPrefix("NumPy matches atrous"))
    }

    @Test("a session and layer flags together are refused", arguments: [
        ["--input", "x.npy"], ["--kernel", "k.npy"], ["--rate", "2"], ["--fill", "zeros"],
    ])
    func conflictingFlags(flags: [String]) throws {
        let result = try AtrousBinary.run(["export-code", "--framework", "jax", "--session", "s.atrous.json",
                                           "--output", "s.py"] + flags)
        #expect(result.status != 0)
        #expect(result.standardError.hasPrefix(
            "Error: The session supplies the input, kernel and layer; leave out \(flags[0]).\n"), "\(result.standardError)")
    }

    @Test("without a session the arrays are required")
    func arraysRequired() throws {
        let result = try AtrousBinary.run(["export-code", "--framework", "jax", "--kernel", "k.npy", "--output", "s.py"])
        #expect(result.status != 0)
        #expect(result.standardError.hasPrefix("Error: Missing expected argument '--input <input>'."), "\(result.standardError)")
        let compute = try AtrousBinary.run(["compute", "--input", "x.npy", "--output", "y.npy"])
        #expect(compute.status != 0)
        #expect(compute.standardError.hasPrefix("Error: Missing expected argument '--kernel <kernel>'."), "\(compute.standardError)")
    }

    @Test("a broken session is one sentence and writes nothing")
    func brokenSession() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Array(Self.session.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 7").utf8),
                            to: "s.atrous.json")
        let path = directory.path("s.atrous.json")
        let result = try AtrousBinary.run(["export-code", "--framework", "numpy", "--session", path,
                                           "--output", directory.path("s.py")])
        #expect(result.status != 0)
        #expect(result.standardError == "Error: The session \(path) has version 7, but this atrous reads version 1.\n")
        #expect(Sentence.isSingle(result.standardError))
        #expect(try directory.contents() == ["s.atrous.json"])
    }
}
