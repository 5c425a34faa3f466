import AtrousCore
import AtrousExplorer
import AtrousExport
import AtrousIO
import AtrousTestSupport
import Foundation
import Testing

@Suite("Session files")
struct SessionFileTests {
    /// Whether two states show the same thing: parameters, view and every derived value.
    static func expectSameScreen(_ a: ExplorerState, _ b: ExplorerState, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.parameters == b.parameters, sourceLocation: sourceLocation)
        #expect(a.position == b.position && a.inputChannel == b.inputChannel && a.outputChannel == b.outputChannel,
                sourceLocation: sourceLocation)
        #expect(a.selectedWeight == b.selectedWeight && a.inputReach == b.inputReach && a.mode == b.mode,
                sourceLocation: sourceLocation)
        #expect(a.playback.stepsPerSecond == b.playback.stepsPerSecond, sourceLocation: sourceLocation)
        #expect(a.geometry == b.geometry && a.output == b.output && a.taps == b.taps && a.notes == b.notes,
                sourceLocation: sourceLocation)
    }

    @Test func aSmallSessionIsOneFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("small.atrous.json")
        #expect(try SessionFile.write(ExplorerSession(state: twoChannelState), to: path, overwrite: false) == [path])
        #expect(try directory.contents() == ["small.atrous.json"])
        Self.expectSameScreen(try ExplorerSession.load(path: path), twoChannelState)
    }

    @Test func aFloat32InputGoesBesideTheSessionAndReopensAsFloat32() throws {
        let small = Tensor<Float>(shape: [3, 4]) { Float($0[0] * 4 + $0[1]) / 3 }
        let state = stateAfter([.inputLoaded(.float(small), path: "f.npy"), .setPadding(.same)])
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let written = try SessionFile.write(ExplorerSession(state: state), to: directory.path("f.atrous.json"),
                                            overwrite: false)
        #expect(written == [directory.path("f.atrous.json"), directory.path("f.input.npy")])
        let back = try ExplorerSession.load(path: directory.path("f.atrous.json"))
        #expect(back.input == .float(small.reshaped([1, 3, 4, 1])))
        #expect(back.output == state.output)
        Self.expectSameScreen(back, state)
    }

    @Test func aLargeInputGoesBesideTheSessionAndMovesWithIt() throws {
        let large = Tensor<Double>(shape: [70, 70]) { Double(($0[0] * 31 + $0[1] * 7) % 11) / 4 }
        let state = stateAfter([.inputLoaded(.double(large), path: "big.npy"), .setRate(Pair(square: 3)),
                                .selectOutputCell(row: 40, column: 12)])
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let written = try SessionFile.write(ExplorerSession(state: state), to: directory.path("big.atrous.json"),
                                            overwrite: false)
        #expect(written == [directory.path("big.atrous.json"), directory.path("big.input.npy")])
        let text = String(decoding: directory.bytes("big.atrous.json") ?? [], as: UTF8.self)
        #expect(text.contains("\"values_file\": \"big.input.npy\""), "named relative to the session")
        #expect(try ArrayFile.read(path: directory.path("big.input.npy")) == state.input)

        let moved = try TemporaryDirectory()
        defer { moved.remove() }
        for name in try directory.contents() { try moved.write(directory.bytes(name) ?? [], to: name) }
        directory.remove()
        Self.expectSameScreen(try ExplorerSession.load(path: moved.path("big.atrous.json")), state)
    }

    @Test func nonFiniteValuesGoBesideTheSessionToo() throws {
        let holes = Tensor<Double>(shape: [4, 5]) { $0 == [1, 2] ? .nan : ($0 == [2, 2] ? -.infinity : 1) }
        let state = stateAfter([.inputLoaded(.double(holes), path: "holes.npy")])
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let written = try SessionFile.write(ExplorerSession(state: state), to: directory.path("h.session"), overwrite: false)
        #expect(written.count == 2 && written[1] == directory.path("h.input.npy"))
        let back = try ExplorerSession.load(path: directory.path("h.session"))
        #expect(back.input[flat: 7].isNaN && back.input[flat: 12] == -.infinity)
        #expect(back.input.shape == state.input.shape)
    }

    @Test func aSessionIsNeverOverwrittenSilently() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("s.atrous.json")
        try SessionFile.write(ExplorerSession(state: ExplorerState()), to: path, overwrite: false)
        let before = directory.bytes("s.atrous.json")
        #expect(throws: IOError.outputExists(path: path)) {
            try SessionFile.write(ExplorerSession(state: twoChannelState), to: path, overwrite: false)
        }
        #expect(directory.bytes("s.atrous.json") == before)
        try SessionFile.write(ExplorerSession(state: twoChannelState), to: path, overwrite: true)
        Self.expectSameScreen(try ExplorerSession.load(path: path), twoChannelState)
    }

    @Test func anExistingInputFileStopsTheWholeSave() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Array("keep".utf8), to: "big.input.npy")
        let state = stateAfter([.setInputPattern(.ramp, size: Pair(square: 80))])
        #expect(throws: IOError.outputExists(path: directory.path("big.input.npy"))) {
            try SessionFile.write(ExplorerSession(state: state), to: directory.path("big.atrous.json"), overwrite: false)
        }
        #expect(try directory.contents() == ["big.input.npy"])
    }

    @Test("files that cannot be sessions are named in one sentence", arguments: [
        ("absent", nil, "Cannot read DIR/absent.atrous.json: no such file or directory."),
        ("not JSON", "{\"format\": \"atrous-session\",\n  \"version\": 1 \"input\": {}}",
         "The session DIR/s.atrous.json is not valid JSON: line 2, column 16: expected ',' or '}'."),
        ("another JSON file", "{\"shape\": [2, 2], \"maps\": []}",
         "The file DIR/s.atrous.json is not an atrous session: it has no \"format\": \"atrous-session\" member."),
        ("a missing input file", "{\"format\": \"atrous-session\", \"version\": 1, \"input\": {\"source\": {\"file\": \"x.npy\"}, "
            + "\"values_file\": \"gone.npy\"}, \"kernel\": {\"source\": {\"preset\": \"box\"}}, \"layer\": \"k=3\"}",
         "The session DIR/s.atrous.json refers to the input file DIR/gone.npy, which does not exist."),
        ("a broken input file", "{\"format\": \"atrous-session\", \"version\": 1, \"input\": {\"source\": {\"file\": \"x.npy\"}, "
            + "\"values_file\": \"junk.npy\"}, \"kernel\": {\"source\": {\"preset\": \"box\"}}, \"layer\": \"k=3\"}",
         "The session DIR/s.atrous.json refers to the input file DIR/junk.npy, but the file DIR/junk.npy is not a .npy "
            + "file: it does not start with the NumPy magic bytes."),
        ("an input file of another shape", "{\"format\": \"atrous-session\", \"version\": 1, \"input\": {\"source\": "
            + "{\"file\": \"x.npy\"}, \"shape\": [1, 2, 2, 1], \"values_file\": \"x3.npy\"}, \"kernel\": {\"source\": "
            + "{\"preset\": \"box\"}}, \"layer\": \"k=3\"}",
         "The session DIR/s.atrous.json does not fit together: \"input.shape\" is (1, 2, 2, 1) but x3.npy holds (3, 3)."),
    ])
    func unreadable(name: String, text: String?, message: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Array("1,2\n".utf8), to: "junk.npy")
        try ArrayFile.write(Tensor<Double>(shape: [3, 3], repeating: 1), to: directory.path("x3.npy"), overwrite: false)
        let path = directory.path(text == nil ? "absent.atrous.json" : "s.atrous.json")
        if let text { try directory.write(Array(text.utf8), to: "s.atrous.json") }
        do {
            _ = try ExplorerSession.load(path: path)
            Issue.record("the file was accepted")
        } catch {
            #expect(error.description == message.replacingOccurrences(of: "DIR", with: directory.url.path))
        }
    }

    @Test("a session, or its input file, that is an endless device is refused at once")
    func devices() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createSymbolicLink(atPath: directory.path("zero.atrous.json"), withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: directory.path("zero.npy"), withDestinationPath: "/dev/zero")
        try directory.write(Array(("{\"format\": \"atrous-session\", \"version\": 1, \"input\": {\"source\": "
            + "{\"file\": \"x.npy\"}, \"values_file\": \"zero.npy\"}, \"kernel\": {\"source\": {\"preset\": \"box\"}}, "
            + "\"layer\": \"k=3\"}").utf8), to: "s.atrous.json")
        let device = "it is a character device, not a regular file"
        for (name, message) in [
            ("zero.atrous.json", "Cannot read DIR/zero.atrous.json: \(device)."),
            ("s.atrous.json", "The session DIR/s.atrous.json refers to the input file DIR/zero.npy, "
                + "but cannot read DIR/zero.npy: \(device)."),
        ] {
            let clock = ContinuousClock()
            let started = clock.now
            do {
                _ = try ExplorerSession.load(path: directory.path(name))
                Issue.record("\(name) was accepted")
            } catch {
                #expect(error.description == message.replacingOccurrences(of: "DIR", with: directory.url.path))
            }
            #expect(started.duration(to: clock.now) < .seconds(1))
        }
    }

    @Test func aSessionReferringToAFileBesideItReadsItFromAnyDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try ArrayFile.write(Tensor<Float>(shape: [4, 4]) { Float($0[0] - $0[1]) }, to: directory.path("x.npy"), overwrite: false)
        try directory.write(Array("""
            {"format": "atrous-session", "version": 1,
             "input": {"source": {"file": "x.npy"}, "values_file": "x.npy"},
             "kernel": {"source": {"preset": "identity"}}, "layer": "k=1,p=valid"}
            """.utf8), to: "s.atrous.json")
        let state = try ExplorerSession.load(path: directory.path("s.atrous.json"))
        #expect(state.inputShape == FeatureMapShape(batch: 1, height: 4, width: 4, channels: 1))
        #expect(state.output?.doubles.scalars == state.input.doubles.scalars, "a 1x1 identity kernel copies the input")
        #expect(state.inputSource == .file(path: "x.npy"))
    }
}
