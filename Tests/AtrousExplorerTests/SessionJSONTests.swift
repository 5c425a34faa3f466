import AtrousCore
import AtrousIO
import Testing
@testable import AtrousExplorer

/// Sessions through their JSON text, in memory: every state comes back the same, and every
/// broken document is named in one sentence.
@Suite("Session documents")
struct SessionJSONTests {
    static let path = "lesson.atrous.json"

    /// `json` read as the session at ``path``, in memory: no file lies beside it, so a
    /// `values_file` reads as missing, as it would on disk.
    static func session(_ json: JSONValue) throws(SessionError) -> ExplorerSession {
        try ExplorerSession(json: json, path: path) { file throws(IOError) in throw .missingFile(path: file) }
    }

    /// The state a session's text reopens to.
    static func reopened(_ state: ExplorerState) throws -> (ExplorerState, ExplorerSession) {
        let text = ExplorerSession(state: state).text(inputFile: nil)
        let session = try Self.session(JSONParser.parse(Array(text.utf8)))
        return (try session.state(path: path), session)
    }

    /// States that differ in every saved part: sources, seeds, edits, layer, view.
    static let states: [(String, ExplorerState)] = [
        ("the default", ExplorerState()),
        ("random input and kernel, moved", stateAfter([
            .setInputPattern(.random(seed: 0xFFFF_FFFF_FFFF_FFFF), size: Pair(7, 12)), .setKernelPreset(.random(seed: 9)),
            .setRate(Pair(2, 3)), .setStride(Pair(1, 2)), .setPadding(.explicit(top: 0, bottom: 2, left: 1, right: 3)),
            .setFill(.reflect), .selectOutputCell(row: 3, column: 4),
        ])),
        ("an edited glyph session with help open", stateAfter([
            .setInputPattern(.glyph("A"), size: Pair(9, 7)), .setKernelPreset(.sobelY), .setKernelSize(Pair(3, 5)),
            .setWeight(row: 1, column: 4, value: 0.125), .setPadding(.full), .setFill(.circular),
            .selectInputCell(row: -1, column: 2), .selectWeight(row: 2, column: 1), .changeSpeed(.forward),
            .changeSpeed(.forward), .move(.down), .toggleHelp,
        ])),
        ("a three-channel file input on channel 2", stateAfter([
            .inputLoaded(.double(Tensor(shape: [5, 6, 3]) { Double($0[0] * 18 + $0[1] * 3 + $0[2]) / 7 }), path: "maps/rgb.npy"),
            .setKernelPreset(.gaussian), .selectChannel(2), .last,
        ])),
        ("impossible parameters", stateAfter([.setKernelSize(Pair(3, 2)), .setPadding(.causal)])),
    ]

    @Test("a state comes back with the same parameters, view and derived values", arguments: states.map(\.0))
    func roundTrip(name: String) throws {
        let state = try #require(Self.states.first { $0.0 == name }?.1)
        let (back, _) = try Self.reopened(state)
        #expect(back.parameters == state.parameters)
        #expect(back.position == state.position)
        #expect(back.inputChannel == state.inputChannel && back.outputChannel == state.outputChannel)
        #expect(back.selectedWeight == state.selectedWeight)
        #expect(back.inputReach == state.inputReach)
        #expect(back.playback == Playback(isPlaying: false, speedIndex: state.playback.speedIndex))
        #expect(back.mode == state.mode)
        #expect(back.geometry == state.geometry && back.configurationError == state.configurationError)
        #expect(back.output == state.output && back.taps == state.taps && back.notes == state.notes)
        #expect(back.history == UndoHistory(), "a reopened session starts a fresh history")
    }

    @Test func theReopenedMessageSaysWhatOpened() throws {
        #expect(try Self.reopened(ExplorerState()).0.message == .info("Opened lesson.atrous.json."))
        let impossible = stateAfter([.setKernelSize(Pair(3, 2)), .setPadding(.causal)])
        #expect(try Self.reopened(impossible).0.message == impossible.configurationError.map { .error($0.description) })
    }

    @Test func playbackReopensPaused() throws {
        let playing = stateAfter([.togglePlay])
        #expect(playing.playback.isPlaying)
        #expect(try !Self.reopened(playing).0.playback.isPlaying)
    }

    @Test func theStackTravelsAsNotation() throws {
        let stack = [LayerSpec(kernelSize: Pair(square: 3), rate: Pair(square: 2), padding: .same),
                     LayerSpec(kernelSize: Pair(1, 2), rate: Pair(1, 4), padding: .causal),
                     LayerSpec(kernelSize: Pair(3, 5), stride: Pair(2, 1), padding: .explicit(top: 1, bottom: 1, left: 2, right: 0))]
        var state = ExplorerState()
        update(&state, .setLayers(stack))
        update(&state, .selectLayer(1))
        let json = ExplorerSession(state: state).json(inputFile: nil)
        #expect(json["stack"] == .array([.string("k=3,r=2,s=1,p=same"), .string("k=1x2,r=1x4,s=1,p=causal"),
                                         .string("k=3x5,r=1,s=2x1,p=1,1,2,0")]))
        #expect(json["selected_layer"] == .number(1))
        let (reopened, session) = try Self.reopened(state)
        #expect(session.stack == stack)
        #expect(reopened.layers == state.layers && reopened.selectedLayer == 1 && reopened.spec == state.spec)
        #expect(ExplorerSession(state: ExplorerState()).json(inputFile: nil)["stack"] == nil, "absent unless there is one")
    }

    @Test func everyLayerKeepsItsKernelFillAndActivation() throws {
        var state = stateAfter([.setInputPattern(.random(seed: 4), size: Pair(square: 11)), .loadStackPreset(.gridding),
                                .selectLayer(1), .setKernelPreset(.random(seed: 8)), .setFill(.reflect),
                                .setActivation(.relu), .selectLayer(2), .setWeight(row: 1, column: 1, value: -2)])
        update(&state, .selectLayer(1))
        let (reopened, session) = try Self.reopened(state)
        #expect(session.stackLayers?.count == 3)
        #expect(reopened.parameters == state.parameters)
        #expect(reopened.parameters.weights.map(\.activation) == [Activation.none, .relu, .none])
        #expect(reopened.layers.map(\.fill) == [.zeros, .reflect, .zeros])
        #expect(reopened.stackOutputs.outputs == state.stackOutputs.outputs)
        #expect(reopened.output == state.output && reopened.layerInputName == "Layer 1 output")
    }

    @Test func aSingleLayerKeepsItsBiasAndActivation() throws {
        let state = stateAfter([.setInputPattern(.random(seed: 2), size: Pair(square: 7)), .setKernelPreset(.random(seed: 2)),
                                .setActivation(.relu), .setBias([-0.25])])
        let (reopened, session) = try Self.reopened(state)
        #expect(session.stack?.count == 1 && session.stackLayers?.first?.weights.activation == .relu)
        #expect(session.stackLayers?.first?.weights.bias == [-0.25])
        #expect(reopened.parameters == state.parameters && reopened.output == state.output)
    }

    @Test func aSessionWithoutStackLayersStillOpens() throws {
        // A session written before the layers kept their own kernels: "stack" alone, one fill.
        var json = ExplorerSession(state: stateAfter([.loadStackPreset(.gridding), .selectLayer(1)])).json(inputFile: nil)
        json = json.replacing(["stack_layers"], with: nil)
        let session = try Self.session(json)
        #expect(session.stackLayers == nil)
        let state = try session.state(path: Self.path)
        #expect(state.layers.count == 3 && state.selectedLayer == 1)
        #expect(state.parameters.weights.map(\.kernel) == Array(repeating: state.kernel, count: 3), "box kernels from the preset")
        #expect(state.stackOutputs.outputs.count == 3)
    }

    @Test func aLayersKernelMustHaveTheLayersSize() throws {
        var json = ExplorerSession(state: stateAfter([.loadStackPreset(.gridding)])).json(inputFile: nil)
        let small: JSONValue = .object([("source", .object([("preset", .string("box"))])), ("shape", .integers([2, 2, 1, 1])),
                                        ("values", .array([.number(1), .number(2), .number(3), .number(4)]))])
        guard case var .array(entries) = try #require(json["stack_layers"]), case var .object(members) = entries[1] else {
            Issue.record("stack_layers holds objects")
            return
        }
        members = members.map { $0.key == "kernel" ? ("kernel", small) : $0 }
        entries[1] = .object(members)
        json = json.replacing(["stack_layers"], with: .array(entries))
        let error = #expect(throws: SessionError.self) {
            try Self.session(json).state(path: Self.path)
        }
        #expect(error?.description == "The session lesson.atrous.json does not fit together: layer 2 (k=3,r=2,s=1,p=same) "
            + "has a 2x2 kernel.")
    }

    @Test func stackLayersMustMatchTheStack() throws {
        var json = ExplorerSession(state: stateAfter([.loadStackPreset(.gridding)])).json(inputFile: nil)
        json = json.replacing(["stack"], with: .array([.string("k=3,r=2"), .string("k=3,r=2")]))
        let error = #expect(throws: SessionError.self) { try Self.session(json) }
        #expect(error?.description == "In the session lesson.atrous.json, \"stack_layers\" must hold one entry per layer "
            + "of \"stack\" (2).")
    }

    @Test func theTextIsTheDocumentedLayout() {
        let text = ExplorerSession(state: stateAfter([.setInputPattern(.ramp, size: Pair(2, 3))])).text(inputFile: nil)
        #expect(text == """
            {
              "format": "atrous-session",
              "version": 1,
              "input": {
                "source": {
                  "pattern": "ramp",
                  "size": [2, 3]
                },
                "shape": [1, 2, 3, 1],
                "values": [
                  0, 1, 2,
                  3, 4, 5
                ]
              },
              "kernel": {
                "source": {
                  "preset": "box"
                },
                "shape": [3, 3, 1, 1],
                "values": [
                  1, 1, 1,
                  1, 1, 1,
                  1, 1, 1
                ]
              },
              "layer": "k=3,r=2,s=1,p=same",
              "fill": "zeros",
              "position": [0, 0],
              "channels": {
                "input": 0,
                "output": 0
              },
              "view": {
                "help": false,
                "speed": 2,
                "selected_weight": [0, 0]
              }
            }

            """)
    }

    @Test func patternsAndPresetsMayLeaveOutTheirValues() throws {
        let text = """
            {"format": "atrous-session", "version": 1,
             "input": {"source": {"pattern": "random", "seed": 4, "size": [6, 8]}},
             "kernel": {"source": {"preset": "random", "seed": 3}},
             "layer": "k=3x2,r=2,p=valid"}
            """
        let state = try Self.session(JSONParser.parse(Array(text.utf8))).state(path: Self.path)
        let expected = stateAfter([.setInputPattern(.random(seed: 4), size: Pair(6, 8)), .setKernelSize(Pair(3, 2)),
                                   .setKernelPreset(.random(seed: 3)), .setPadding(.valid)])
        #expect(state.parameters == expected.parameters)
        #expect(state.output == expected.output)
        #expect(state.position == .origin && state.playback == Playback() && state.mode == .normal)
    }

    // MARK: - Broken documents

    /// A small valid document, as the members to edit.
    static let valid: JSONValue = .object([
        ("format", .string("atrous-session")), ("version", .number(1)),
        ("input", .object([("source", .object([("pattern", .string("impulse")), ("size", .integers([3, 3]))])),
                           ("shape", .integers([1, 3, 3, 1])), ("values", .integers([0, 0, 0, 0, 1, 0, 0, 0, 0]))])),
        ("kernel", .object([("source", .object([("preset", .string("box"))])), ("shape", .integers([3, 3, 1, 1])),
                            ("values", .integers(Array(repeating: 1, count: 9)))])),
        ("layer", .string("k=3,r=1,s=1,p=same")), ("fill", .string("zeros")), ("position", .integers([0, 0])),
        ("channels", .object([("input", .number(0)), ("output", .number(0))])),
        ("view", .object([("help", .bool(false)), ("speed", .number(2))])),
    ])

    @Test func theSmallDocumentIsValid() throws {
        let state = try Self.session(Self.valid).state(path: Self.path)
        #expect(state.parameters == ExplorerParameters(pattern: .impulse, size: Pair(square: 3), preset: .box,
                                                       kernelSize: Pair(square: 3), padding: .same))
    }

    struct Broken: CustomTestStringConvertible, Sendable {
        let name: String
        /// The member to change, by its place; nil as the value removes it.
        let place: [String]
        let value: JSONValue?
        let message: String
        var testDescription: String { name }
    }

    static let broken: [Broken] = [
        Broken(name: "no format", place: ["format"], value: nil,
               message: "The file lesson.atrous.json is not an atrous session: it has no \"format\": \"atrous-session\" member."),
        Broken(name: "another format", place: ["format"], value: .string("atrous-lesson"),
               message: "The file lesson.atrous.json is not an atrous session: its \"format\" is \"atrous-lesson\", not \"atrous-session\"."),
        Broken(name: "a newer version", place: ["version"], value: .number(2),
               message: "The session lesson.atrous.json has version 2, but this atrous reads version 1."),
        Broken(name: "a version as text", place: ["version"], value: .string("1"),
               message: "In the session lesson.atrous.json, \"version\" must be a whole number, not \"1\"."),
        Broken(name: "no version", place: ["version"], value: nil,
               message: "The session lesson.atrous.json has no \"version\"."),
        Broken(name: "no input", place: ["input"], value: nil, message: "The session lesson.atrous.json has no \"input\"."),
        Broken(name: "an input that is a number", place: ["input"], value: .number(3),
               message: "In the session lesson.atrous.json, \"input\" must be an object, not 3."),
        Broken(name: "values without a shape", place: ["input", "shape"], value: nil,
               message: "The session lesson.atrous.json has no \"input.shape\"."),
        Broken(name: "too few values", place: ["input", "values"], value: .integers([0, 0, 0, 0, 1, 0, 0, 0]),
               message: "The session lesson.atrous.json does not fit together: \"input.values\" holds 8 numbers but the "
                   + "shape (1, 3, 3, 1) needs 9."),
        Broken(name: "a value that is text", place: ["input", "values"], value: .array([.number(0), .number(1), .string("x")]),
               message: "In the session lesson.atrous.json, \"input.values[2]\" must be a finite number, not \"x\"."),
        Broken(name: "a negative extent", place: ["input", "shape"], value: .integers([1, -3, 3, 1]),
               message: "In the session lesson.atrous.json, \"input.shape\" must list positive extents, got (1, -3, 3, 1)."),
        Broken(name: "a shape of rank 5", place: ["input", "shape"], value: .integers([1, 1, 3, 3, 1]),
               message: "The session lesson.atrous.json does not fit together: the input must be (H,W), (H,W,C) or "
                   + "(N,H,W,C), got shape (1, 1, 3, 3, 1)."),
        Broken(name: "values and a values file", place: ["input", "values_file"], value: .string("x.npy"),
               message: "The session lesson.atrous.json does not fit together: \"input\" gives both \"values\" and "
                   + "\"values_file\"; keep one."),
        Broken(name: "a file input without values", place: ["input"], value: .object([("source", .object([("file", .string("x.npy"))]))]),
               message: "The session lesson.atrous.json has no \"input.values\"."),
        Broken(name: "an unknown pattern", place: ["input", "source", "pattern"], value: .string("stripes"),
               message: "In the session lesson.atrous.json, \"input.source.pattern\" must be \"impulse\", \"checkerboard\", "
                   + "\"ramp\", \"random\" or \"glyph\", or the source must be {\"file\": ...}."),
        Broken(name: "a pattern of another size", place: ["input", "source", "size"], value: .integers([3, 4]),
               message: "The session lesson.atrous.json does not fit together: the input's pattern is 3x4 but its values are 3x3."),
        Broken(name: "a seed on a pattern without one", place: ["input", "source", "seed"], value: .number(3),
               message: "In the session lesson.atrous.json, \"input.source.seed\" is not part of version 1 of the format."),
        Broken(name: "a misspelt member", place: ["postion"], value: .integers([0, 0]),
               message: "In the session lesson.atrous.json, \"postion\" is not part of version 1 of the format."),
        Broken(name: "an unknown preset", place: ["kernel", "source", "preset"], value: .string("prewitt"),
               message: "In the session lesson.atrous.json, \"kernel.source.preset\" must be \"box\", \"identity\", "
                   + "\"gaussian\", \"sobel-x\", \"sobel-y\", \"laplacian\" or \"random\"."),
        Broken(name: "an edited kernel without values", place: ["kernel"],
               value: .object([("source", .object([("preset", .string("box")), ("edited", .bool(true))]))]),
               message: "The session lesson.atrous.json has no \"kernel.values\"."),
        Broken(name: "an unreadable layer", place: ["layer"], value: .string("k=3,q=2"),
               message: "In the session lesson.atrous.json, \"layer\" cannot be read: the layer 'k=3,q=2' has an unknown key "
                   + "'q'; use k, r, s and p."),
        Broken(name: "a rate beyond the explorer", place: ["layer"], value: .string("k=3,r=600,p=same"),
               message: "In the session lesson.atrous.json, \"layer\" has rate 600x600, but the explorer takes 1 to 512 per axis."),
        Broken(name: "a negative explicit pad", place: ["layer"], value: .string("k=3,p=-1,-1,0,0"),
               message: "In the session lesson.atrous.json, \"layer\" pads -1 cells on a side, but the explorer takes 0 to 64."),
        Broken(name: "a kernel size that differs from the layer's", place: ["layer"], value: .string("k=5,p=same"),
               message: "The session lesson.atrous.json does not fit together: the layer's kernel size 5x5 differs from the "
                   + "kernel's 3x3."),
        Broken(name: "kernel values too few for its shape", place: ["kernel", "shape"], value: .integers([3, 3, 9, 1]),
               message: "The session lesson.atrous.json does not fit together: \"kernel.values\" holds 9 numbers but the "
                   + "shape (3, 3, 9, 1) needs 81."),
        Broken(name: "kernel channels that differ from the input's", place: ["kernel"],
               value: .object([("source", .object([("preset", .string("box"))])), ("shape", .integers([3, 3, 2, 1])),
                               ("values", .integers(Array(repeating: 1, count: 18)))]),
               message: "The session lesson.atrous.json does not fit together: the kernel takes 2 input channels but the "
                   + "input has 1 channel."),
        Broken(name: "an unknown fill", place: ["fill"], value: .string("mirror"),
               message: "In the session lesson.atrous.json, \"fill\" must be \"zeros\", \"reflect\", \"replicate\" or \"circular\"."),
        Broken(name: "a position outside the output", place: ["position"], value: .integers([5, 0]),
               message: "The session lesson.atrous.json does not fit together: the position (5, 0) lies outside the 3x3 output."),
        Broken(name: "a position of three numbers", place: ["position"], value: .integers([1, 2, 3]),
               message: "In the session lesson.atrous.json, \"position\" must be a list of 2 whole numbers, not a list of 3 values."),
        Broken(name: "a position with a fraction", place: ["position"], value: .array([.number("1.5"), .number(0)]),
               message: "In the session lesson.atrous.json, \"position[0]\" must be a whole number, not 1.5."),
        Broken(name: "an output channel beyond the kernel's", place: ["channels", "output"], value: .number(1),
               message: "The session lesson.atrous.json does not fit together: the output channel 1 is not one of the kernel's 1."),
        Broken(name: "a speed off the ladder", place: ["view", "speed"], value: .number(3),
               message: "The session lesson.atrous.json does not fit together: the speed 3 is not one of 1, 2, 4, 8, 16 or 32."),
        Broken(name: "help as text", place: ["view", "help"], value: .string("yes"),
               message: "In the session lesson.atrous.json, \"view.help\" must be true or false, not \"yes\"."),
        Broken(name: "a stack layer that cannot be read", place: ["stack"], value: .array([.string("k=3"), .string("r=2")]),
               message: "In the session lesson.atrous.json, \"stack[1]\" cannot be read: the layer 'r=2' needs a kernel "
                   + "size such as k=3 or k=3x5."),
    ]

    @Test("a broken document is named in one sentence", arguments: broken)
    func brokenDocument(_ broken: Broken) {
        let document = Self.valid.replacing(broken.place, with: broken.value)
        do {
            let session = try Self.session(document)
            _ = try session.state(path: Self.path)
            Issue.record("the document was accepted")
        } catch {
            #expect(error.description == broken.message)
            #expect(error.description.hasSuffix(".") && !error.description.dropLast().contains(". "))
        }
    }

    @Test func aDocumentThatIsNotAnObjectIsNotASession() {
        #expect(throws: SessionError.notASession(path: Self.path, found: nil)) {
            try Self.session(.array([.number(1)]))
        }
    }
}

extension JSONValue {
    /// The document with the member at `place` set to `value`, added at the end when absent,
    /// or removed when `value` is nil.
    func replacing(_ place: [String], with value: JSONValue?) -> JSONValue {
        guard let key = place.first, case var .object(members) = self else { return value ?? self }
        let index = members.firstIndex { $0.key == key }
        let inner = place.count == 1 ? value : index.map { members[$0].value.replacing(Array(place.dropFirst()), with: value) }
        switch (index, inner) {
        case let (index?, inner?): members[index].value = inner
        case let (index?, nil): members.remove(at: index)
        case let (nil, inner?): members.append((key, inner))
        case (nil, nil): break
        }
        return .object(members)
    }
}
