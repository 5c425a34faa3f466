import AtrousCore
import AtrousIO
import AtrousTestSupport
import Testing

@Suite("Stack conformance, through the atrous binary")
struct StackConformanceCLITests {
    static let cases = (try? StackCase.all()) ?? []

    @Test("`atrous compute --layer … --all-layers` writes every layer as the reference, or fails cleanly",
          arguments: cases)
    func conformance(_ testCase: StackCase) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try AtrousBinary.run(testCase.computeArguments(output: directory.path("out.npy"),
                                                                    allLayers: directory.path(".")))
        if testCase.expectError {
            #expect(result.status != 0)
            #expect(Sentence.isSingle(result.standardError), "stderr: \(result.standardError)")
            #expect(try directory.contents() == [])
            return
        }
        try #require(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.standardError.isEmpty && result.standardOutput.isEmpty)
        let inputType = try ArrayFile.read(path: StackCase.path(testCase.input)).dtypeName
        let files = testCase.layers.indices.map { "layer\($0 + 1).npy" }
        #expect(try directory.contents() == (files + ["out.npy"]).sorted())
        for (file, layer) in zip(files, testCase.layers) {
            let actual = try ArrayFile.read(path: directory.path(file))
            #expect(actual.dtypeName == inputType)
            try expectClose(actual, StackCase.path(try #require(layer.output)), file)
        }
        try expectClose(ArrayFile.read(path: directory.path("out.npy")), StackCase.path(try #require(testCase.expected)), "out")
    }

    @Test("a stack equals `compute` run layer by layer on the previous layer's output")
    func stackEqualsLayerByLayer() throws {
        let testCase = try #require(Self.cases.first { $0.layers.count == 4 && !$0.expectError })
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let stack = try AtrousBinary.run(testCase.computeArguments(output: directory.path("stack.npy"), allLayers: nil))
        try #require(stack.status == 0, "stderr: \(stack.standardError)")
        var previous = StackCase.path(testCase.input)
        for (index, layer) in testCase.layers.enumerated() {
            let next = directory.path("single\(index + 1).npy")
            var arguments = ["compute", "--input", previous, "--kernel", StackCase.path(layer.w),
                             "--rate", "\(layer.rate[0]),\(layer.rate[1])", "--stride", "\(layer.stride[0]),\(layer.stride[1])",
                             "--padding", layer.padding, "--fill", layer.fill, "--output", next]
            if let bias = layer.b { arguments += ["--bias", StackCase.path(bias)] }
            let single = try AtrousBinary.run(arguments)
            try #require(single.status == 0, "stderr: \(single.standardError)")
            if layer.activation == "relu" { try applyReLU(next) }
            previous = next
        }
        #expect(directory.bytes("stack.npy") == directory.bytes("single\(testCase.layers.count).npy"))
    }

    @Test("`export-code --layer …` writes a snippet of the whole stack that reproduces TensorFlow's reference",
          .enabled(if: Python.hasNumpy))
    func exportCodeOfAStack() throws {
        let testCase = try #require(Self.cases.first { $0.layers.count == 4 && !$0.expectError })
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let arguments = testCase.computeArguments(output: nil, allLayers: nil).dropFirst()
        let result = try AtrousBinary.run(["export-code", "--framework", "numpy"] + arguments + ["--output", directory.path("stack.py")])
        try #require(result.status == 0, "stderr: \(result.standardError)")
        let run = try Python.runFile(directory.path("stack.py"))
        #expect(run.status == 0 && run.output.hasPrefix("NumPy matches atrous"), "\(run.output)\(run.standardError)")
        // atrous's expected output, written beside the snippet, is TensorFlow's reference.
        let written = try ArrayFile.read(path: directory.path("stack.expected.npy")).converted(to: Double.self)
        let reference = try ArrayFile.read(path: StackCase.path(try #require(testCase.expected))).converted(to: Double.self)
        #expect(written.isClose(to: reference))
    }

    static let refusals: [([String], String)] = [
        (["--layer", "w=w.npy,q=1"], "Error: The layer 'w=w.npy,q=1' has an unknown key 'q'; use w, b, r, s, p, f and a.\n"),
        (["--layer", "r=2"], "Error: The layer 'r=2' needs its weights such as w=W1.npy.\n"),
        (["--layer", "w=w.npy,a=tanh"], "Error: The layer 'w=w.npy,a=tanh' has activation 'tanh'; use none or relu.\n"),
        (["--layer", "w=w.npy", "--rate", "2"], "Error: --rate sets up a single layer; a stack gives every layer's data with --layer.\n"),
        (["--kernel", "w.npy", "--all-layers", "."], "Error: --all-layers writes the layers of a stack; give the layers with --layer.\n"),
    ]

    @Test("bad stack arguments end with one sentence and write nothing", arguments: refusals)
    func refuses(_ extra: [String], _ message: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try AtrousBinary.run(["compute", "--input", "x.npy"] + extra + ["--output", directory.path("y.npy")])
        #expect(result.status != 0)
        #expect(result.standardError == message)
        #expect(try directory.contents() == [])
    }

    /// Replaces the float array in `path` with its ReLU, through the core's own activation.
    private func applyReLU(_ path: String) throws {
        switch try ArrayFile.read(path: path) {
        case var .float(tensor):
            Activation.relu.apply(to: &tensor.scalars)
            try ArrayFile.write(tensor, to: path, overwrite: true)
        case var .double(tensor):
            Activation.relu.apply(to: &tensor.scalars)
            try ArrayFile.write(tensor, to: path, overwrite: true)
        }
    }

    private func expectClose(_ actual: AnyTensor, _ expectedPath: String, _ label: String) throws {
        let expected = try ArrayFile.read(path: expectedPath).converted(to: Double.self)
        let y = actual.converted(to: Double.self)
        #expect(y.shape == expected.shape, "\(label)")
        #expect(y.isClose(to: expected), "\(label): max |difference| \(y.maxAbsoluteDifference(to: expected))")
    }
}

@Suite("Stacks in the explorer, through the binary")
struct ExplorerStackCLITests {
    @Test("a session saved before layers kept their kernels opens, every layer computed from the one before")
    func olderSessionOpens() throws {
        let session = Fixtures.root.appendingPathComponent("sessions/gridding-without-stack-layers.atrous.json").path
        let result = try AtrousBinary.run(["render", "--session", session, "--keys", "}}", "--size", "120x40"])
        try #require(result.status == 0, "stderr: \(result.standardError)")
        let lines = String(decoding: result.standardOutput, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("Layer 2 output 17x17"))
        #expect(lines.contains { $0.hasPrefix("Layer 3 of 3: k=3,r=2,s=1,p=same.") })
    }

    @Test("`:stack gridding` on the aerial image: layer 3 reads layer 2's output, and the overview shows the grid")
    func griddingOnTheAerialImage() throws {
        let aerial = Fixtures.packageRoot.appendingPathComponent("Assets/inputs/aerial-48x48.png").path
        let layer3 = try AtrousBinary.run(["render", "--input", aerial, "--keys", ":stack gridding<Enter>}}",
                                           "--size", "120x40"])
        try #require(layer3.status == 0, "stderr: \(layer3.standardError)")
        #expect(String(decoding: layer3.standardOutput, as: UTF8.self).hasPrefix("Layer 2 output 48x48"))
        let overview = try AtrousBinary.run(["render", "--input", aerial, "--keys", ":stack gridding<Enter>O",
                                             "--size", "120x40"])
        try #require(overview.status == 0, "stderr: \(overview.standardError)")
        let lines = String(decoding: overview.standardOutput, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix("Input 48x48 •49"))
        // In the input's tile, the cone's rows hold 7 marks each, one cell apart: a grid.
        let inputTile = lines.dropFirst(2).map { String($0.prefix(28)) }.filter { $0.contains("•") }
        #expect(inputTile.count == 7)
        #expect(inputTile.allSatisfy { row in row.filter { $0 == "•" }.count == 7 && !row.contains("••") })
        let hdc = try AtrousBinary.run(["render", "--input", aerial, "--keys", ":stack hdc<Enter>O", "--size", "120x40"])
        let hdcTile = String(decoding: hdc.standardOutput, as: UTF8.self).split(separator: "\n").dropFirst(2).map { String($0.prefix(15)) }
        #expect(hdcTile.contains("•••••••••••••••"), "HDC's cone on the input is solid")
    }
}
