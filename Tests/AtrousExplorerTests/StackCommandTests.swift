import AtrousCore
import Testing
@testable import AtrousExplorer

@Suite("Stack commands")
struct StackCommandTests {
    @Test(arguments: [
        ("stack", ExplorerAction.toggleStackView),
        ("stack gridding", .loadStackPreset(.gridding)),
        ("layers", .cycleLayersOverview),
        ("activation relu", .setActivation(.relu)),
        ("stack HDC", .loadStackPreset(.hdc)),
        ("stack wavenet", .loadStackPreset(.wavenet)),
        ("stack context", .loadStackPreset(.context)),
        ("stack aspp", .loadStackPreset(.aspp)),
        ("layer add", .addLayer(nil)),
        ("layer add k=3,r=2", .addLayer(LayerSpec(kernelSize: Pair(square: 3), rate: Pair(square: 2), padding: .same))),
        ("layer new k=1x2,r=1x4,p=causal",
         .addLayer(LayerSpec(kernelSize: Pair(1, 2), rate: Pair(1, 4), padding: .causal))),
        ("layer add k=3,p=1,1,0,2",
         .addLayer(LayerSpec(kernelSize: Pair(square: 3), padding: .explicit(top: 1, bottom: 1, left: 0, right: 2)))),
        ("layer del", .removeLayer),
        ("layer delete", .removeLayer),
        ("l rm", .removeLayer),
        ("layer 2", .selectLayer(1)),
        ("layer 0", .selectLayer(-1)),
        ("layers k=3,r=1 k=3,r=2  k=3,r=5,s=2,p=valid",
         .setLayers([LayerSpec(kernelSize: Pair(square: 3), padding: .same),
                     LayerSpec(kernelSize: Pair(square: 3), rate: Pair(square: 2), padding: .same),
                     LayerSpec(kernelSize: Pair(square: 3), rate: Pair(square: 5), stride: Pair(square: 2), padding: .valid)])),
    ])
    func parses(line: String, expected: ExplorerAction) throws {
        #expect(try ExplorerCommand.parse(line) == expected)
    }

    @Test(arguments: [
        ("stack pyramid", CommandError.unknownStack("pyramid"),
         "Unknown stack 'pyramid'; use context, wavenet, hdc or gridding."),
        ("layer", .missingArgument(command: "layer", usage: ":layer add [k=3,r=2,s=1,p=same] | del | N"),
         "The :layer command needs a value; write :layer add [k=3,r=2,s=1,p=same] | del | N."),
        ("layer two", .invalidArgument(command: "layer", argument: "two", usage: ":layer add [k=3,r=2,s=1,p=same] | del | N"),
         "Cannot read 'two' for :layer; write :layer add [k=3,r=2,s=1,p=same] | del | N."),
        ("layer del 2", .invalidArgument(command: "layer", argument: "2", usage: ":layer add [k=3,r=2,s=1,p=same] | del | N"),
         "Cannot read '2' for :layer; write :layer add [k=3,r=2,s=1,p=same] | del | N."),
        ("layer add r=2", .invalidLayer(.missingKernel(text: "r=2")), "The layer 'r=2' needs a kernel size such as k=3 or k=3x5."),
        ("layers k=3 k=3,q=1", .invalidLayer(.unknownKey(text: "k=3,q=1", key: "q", known: ["k", "r", "s", "p"])),
         "The layer 'k=3,q=1' has an unknown key 'q'; use k, r, s and p."),
    ])
    func refuses(line: String, expected: CommandError, sentence: String) {
        #expect(throws: expected) { try ExplorerCommand.parse(line) }
        #expect(expected.description == sentence)
    }

    @Test func typedCommandsBuildAStack() throws {
        var state = stateAfterCommand("layers k=3,r=1 k=3,r=5")
        // A new layer goes after the selected one, the first after :layers.
        state = stateAfterCommand("layer add k=3,r=2", from: state)
        #expect(state.layers == (try layers("k=3,r=1", "k=3,r=2", "k=3,r=5")))
        #expect(state.selectedLayer == 1)
        let analysis = try #require(state.stack.analysis)
        #expect(analysis.coverage.holes == 0 && !analysis.ruleGrids, "rates 1,2,5 cover the field")
        state = stateAfterCommand("layer 1", from: state)
        state = stateAfterCommand("layer del", from: state)
        #expect(state.layers == (try layers("k=3,r=2", "k=3,r=5")))
        #expect(state.selectedLayer == 0)
        #expect(try #require(state.stack.analysis).coverage.holes > 0, "without rate 1 at the bottom, odd cells are missed")
        state = stateAfterCommand("stack", from: state)
        #expect(!state.stack.isShown)
    }

    @Test func aPresetByCommandShowsTheView() {
        let state = stateAfterCommand("stack gridding")
        #expect(state.stack.isShown)
        #expect(state.layers == StackPreset.gridding.branches[0])
    }
}
