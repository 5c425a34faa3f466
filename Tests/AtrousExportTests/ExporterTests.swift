import AtrousCore
import AtrousExplorer
import AtrousExport
import AtrousIO
import AtrousRender
import AtrousTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("Exports written and read back")
struct ExporterTests {
    static func subject(_ state: ExplorerState = twoChannelState) -> ExportSubject {
        ExportSubject(state: state, screen: screen(of: state))
    }

    @Test("arrays come back from .npy", arguments: [ExportKind.output, .input, .kernel])
    func numpyArrays(kind: ExportKind) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("a.npy")
        #expect(try Exporter.perform(kind, to: path, overwrite: false, subject: Self.subject()) == [path])
        let expected = switch kind {
        case .output: twoChannelState.output
        case .input: twoChannelState.input
        default: AnyTensor.double(twoChannelState.kernel)
        }
        #expect(try ArrayFile.read(path: path) == (try #require(expected)))
    }

    @Test func theOutputIsEveryChannelNHWC() throws {
        let output = try #require(twoChannelState.output)
        #expect(output.shape == [1, 6, 7, 2])
    }

    @Test func theOutputAsCSVHoldsOneBlockPerChannel() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Exporter.perform(.output, to: directory.path("y.csv"), overwrite: false, subject: Self.subject())
        let output = try #require(twoChannelState.output)
        let text = String(decoding: directory.bytes("y.csv") ?? [], as: UTF8.self)
        let blocks = text.components(separatedBy: "\n\n")
        #expect(blocks.count == 2)
        for (channel, block) in blocks.enumerated() {
            let lines = block.split(separator: "\n")
            #expect(lines.first == "# batch 0, channel \(channel)")
            let rows = lines.dropFirst().map { $0.split(separator: ",").compactMap { Double($0) } }
            let expected = (0..<6).map { y in (0..<7).map { x in output[0, y, x, channel] } }
            #expect(rows == expected)
        }
    }

    @Test func theOutputAsJSONHoldsItsShapeAndMaps() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Exporter.perform(.output, to: directory.path("y.json"), overwrite: false, subject: Self.subject())
        let output = try #require(twoChannelState.output)
        let json = try JSONParser.parse(directory.bytes("y.json") ?? [])
        #expect(json["shape"] == .integers([1, 6, 7, 2]))
        let maps = try #require(json["maps"]?.array)
        #expect(maps.count == 2)
        for map in maps {
            let channel = try #require(map["channel"]?.integer)
            let rows = try #require(map["values"]?.array).map { $0.array?.compactMap(\.double) ?? [] }
            #expect(rows == (0..<6).map { y in (0..<7).map { x in output[0, y, x, channel] } })
        }
    }

    @Test func pathCountsComeFromTheViewAndMatchTheReference() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let layer = LayerSpec(kernelSize: Pair(square: 3), rate: Pair(square: 2), padding: .same)
        let map = try LayerStack(inputSize: Pair(square: 33), specs: [layer, layer, layer]).pathCounts(row: 16, column: 16)
        let subject = ExportSubject(state: ExplorerState(), pathCounts: map)
        try Exporter.perform(.counts, to: directory.path("c.npy"), overwrite: false, subject: subject)
        let reference = Fixtures.receptiveFieldCases.appendingPathComponent("gridding_2_2_2/expected_counts.npy").path
        let expected = try ArrayFile.read(path: reference).converted(to: Double.self)
        #expect(try ArrayFile.read(path: directory.path("c.npy")).converted(to: Double.self) == expected)
    }

    @Test func withoutAStackThereAreNoCounts() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: ExportError.noPathCounts) {
            try Exporter.perform(.counts, to: directory.path("c.npy"), overwrite: false, subject: Self.subject())
        }
        #expect(ExportError.noPathCounts.description == "There are no path counts to write: they come from the "
            + "receptive-field view's layer stack, and none is shown.")
        #expect(try directory.contents().isEmpty)
    }

    @Test func theTextCaptureIsTheBuffersText() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let subject = Self.subject()
        let buffer = try #require(subject.screen)
        try Exporter.perform(.screen(.text), to: directory.path("s.txt"), overwrite: false, subject: subject)
        try Exporter.perform(.screen(.ansi), to: directory.path("s.ans"), overwrite: false, subject: subject)
        #expect(String(decoding: directory.bytes("s.txt") ?? [], as: UTF8.self) == buffer.text + "\n")
        #expect(String(decoding: directory.bytes("s.ans") ?? [], as: UTF8.self) == buffer.ansi + "\n")
        #expect(buffer.text.contains("pad same"), "the capture is a real screen")
    }

    @Test func theSVGCaptureParsesAsXML() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let subject = Self.subject()
        let buffer = try #require(subject.screen)
        try Exporter.perform(.screen(.svg), to: directory.path("s.svg"), overwrite: false, subject: subject)
        let document = try XMLDocument(data: Data(directory.bytes("s.svg") ?? []))
        let root = try #require(document.rootElement())
        #expect(root.name == "svg")
        // Looked up by hand: FoundationXML's attribute(forName:) misses attributes beside a default namespace.
        func attribute(_ name: String) -> String? { root.attributes?.first { $0.name == name }?.stringValue }
        #expect(attribute("width") == "\(buffer.size.width * 9)")
        #expect(attribute("height") == "\(buffer.size.height * 18)")
        let texts = try document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue).joined()
        let visible = buffer.text.filter { !$0.isWhitespace }
        #expect(texts.filter { !$0.isWhitespace } == visible, "every character of the screen is in the picture")
    }

    @Test func aCaptureNeedsAScreen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: ExportError.noScreen) {
            try Exporter.perform(.screen(.svg), to: directory.path("s.svg"), overwrite: false,
                                 subject: ExportSubject(state: ExplorerState()))
        }
    }

    @Test func standardOutputIsRefused() {
        #expect(throws: ExportError.standardOutput) {
            try Exporter.perform(.output, to: "-", overwrite: false, subject: Self.subject())
        }
    }

    @Test func impossibleParametersHaveNoOutputOrSnippet() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let impossible = stateAfter([.setKernelSize(Pair(3, 2)), .setPadding(.causal)])
        let error = ExportError.noOutput(impossible.problem)
        for (kind, name) in [(ExportKind.output, "y.npy"), (.snippet(.numpy), "y.py")] {
            #expect(throws: error) {
                try Exporter.perform(kind, to: directory.path(name), overwrite: false, subject: Self.subject(impossible))
            }
        }
        #expect(error.description == "There is no output to write, as the layer cannot be computed: causal padding is "
            + "1-D and needs a kernel height of 1, got 3.")
        #expect(try directory.contents().isEmpty)
    }

    @Test func anArrayNeedsAnArrayExtension() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("k.txt")
        #expect(throws: IOError.unsupportedOutputExtension(path: path)) {
            try Exporter.perform(.kernel, to: path, overwrite: false, subject: Self.subject())
        }
    }

    @Test("snippets are written with their arrays", arguments: SnippetFramework.allCases)
    func snippetFiles(framework: SnippetFramework) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("conv.py")
        let written = try Exporter.perform(.snippet(framework), to: path, overwrite: false, subject: Self.subject())
        #expect(written == [path] + SnippetFiles(beside: path, hasBias: false).all)
        #expect(try directory.contents() == ["conv.expected.npy", "conv.input.npy", "conv.kernel.npy", "conv.py"])
        #expect(try ArrayFile.read(path: directory.path("conv.expected.npy")) == (try #require(twoChannelState.output)))
        let source = String(decoding: directory.bytes("conv.py") ?? [], as: UTF8.self)
        #expect(source.contains("with \(framework.displayName)."))
    }

    @Test("the exported snippet runs and matches", .enabled(if: Python.hasNumpy),
          arguments: SnippetFramework.allCases.filter { Python.canImport($0.pythonModule) })
    func snippetRuns(framework: SnippetFramework) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("conv.py")
        try Exporter.perform(.snippet(framework), to: path, overwrite: false, subject: Self.subject())
        let run = try Python.runFile(path)
        #expect(run.status == 0, "\(run.output)\(run.standardError)")
        #expect(run.output.contains(" matches atrous: max abs error "))
        #expect(!run.output.contains("DIFFERS"))
    }

    /// A float32 input at rate 2, SAME, reflect fill: computed in float32.
    static let float32State = stateAfter([
        .inputLoaded(.float(Tensor(shape: [1, 7, 9, 1]) { Float($0[1] * 9 + $0[2]) / 3 - 5 }), path: "x.npy"),
        .setKernelPreset(.random(seed: 8)), .setRate(Pair(square: 2)), .setPadding(.same), .setFill(.reflect),
    ])

    @Test("a float32 input's snippet writes float32 arrays and matches the framework in float32",
          .enabled(if: Python.hasNumpy), arguments: SnippetFramework.allCases.filter { Python.canImport($0.pythonModule) })
    func float32SnippetRuns(framework: SnippetFramework) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("conv.py")
        try Exporter.perform(.snippet(framework), to: path, overwrite: false, subject: Self.subject(Self.float32State))
        #expect(try ArrayFile.read(path: directory.path("conv.input.npy")) == Self.float32State.input)
        #expect(try ArrayFile.read(path: directory.path("conv.expected.npy")) == (try #require(Self.float32State.output)))
        #expect(try ArrayFile.read(path: directory.path("conv.kernel.npy")).dtypeName == "float32")
        let run = try Python.runFile(path)
        #expect(run.status == 0, "\(run.output)\(run.standardError)")
        #expect(run.output.contains(" matches atrous: max abs error ") && !run.output.contains("DIFFERS"))
    }

    /// The gridding stack with a bias and a ReLU on its second layer, on a random input.
    static let stackState: ExplorerState = {
        var state = ExplorerState()
        for action: ExplorerAction in [.setInputPattern(.random(seed: 6), size: Pair(square: 12)), .loadStackPreset(.gridding),
                                       .selectLayer(1), .setKernelPreset(.random(seed: 3)), .setActivation(.relu),
                                       .setBias([0.25])] {
            update(&state, action)
        }
        return state
    }()

    @Test("a stack's snippet reproduces the whole stack and runs", .enabled(if: Python.hasNumpy),
          arguments: SnippetFramework.allCases.filter { Python.canImport($0.pythonModule) })
    func stackSnippetRuns(framework: SnippetFramework) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("stack.py")
        let written = try Exporter.perform(.snippet(framework), to: path, overwrite: false, subject: Self.subject(Self.stackState))
        #expect(written == [path] + StackSnippetFiles(beside: path, biases: [false, true, false]).all)
        let last = try #require(Self.stackState.stackOutputs.outputs.last)
        #expect(try ArrayFile.read(path: directory.path("stack.expected.npy")) == last)
        let run = try Python.runFile(path)
        #expect(run.status == 0, "\(run.output)\(run.standardError)")
        #expect(run.output.contains(" matches atrous: max abs error ") && !run.output.contains("DIFFERS"))
    }
}
