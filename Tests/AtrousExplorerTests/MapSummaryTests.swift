import AtrousCore
import Testing
@testable import AtrousExplorer

@Suite("The summaries of the maps on screen, kept in the state")
struct MapSummaryTests {
    static let rgb = Tensor<Double>(shape: [5, 5, 3]) { Double(100 * $0[2] + 5 * $0[0] + $0[1]) / Double(1 + $0[2]) }

    @Test("A channel's summary is its values' range and the fewest decimals that write them exactly")
    func summaryOfAChannel() throws {
        for channel in 0..<3 {
            let values = (0..<25).map { Self.rgb[$0 / 5, $0 % 5, channel] }
            let summary = try #require(MapSummary(featureMap: Self.rgb, channel: channel))
            #expect(summary.range == FiniteRange(of: values))
            #expect(summary.describes(channel: channel, batch: 0))
            #expect(!summary.describes(channel: channel + 1, batch: 0))
        }
        // Channel 0 holds integers, channel 1 halves, channel 2 thirds (no exact decimals).
        #expect(MapSummary(featureMap: Self.rgb, channel: 0)?.decimals == 0)
        #expect(MapSummary(featureMap: Self.rgb, channel: 1)?.decimals == 1)
        #expect(MapSummary(featureMap: Self.rgb, channel: 2)?.decimals == MapSummary.maximumDecimals)
        #expect(MapSummary(featureMap: Self.rgb, channel: 3) == nil)
    }

    /// The summaries a state should hold: those of its maps, read afresh.
    private func expectFresh(_ state: ExplorerState, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let input = state.layerInput ?? state.input
        #expect(state.inputSummary == MapSummary(featureMap: input, channel: state.inputChannel),
                sourceLocation: sourceLocation)
        let output = try #require(state.output, sourceLocation: sourceLocation)
        #expect(state.outputSummary == MapSummary(featureMap: output, channel: state.outputChannel),
                sourceLocation: sourceLocation)
    }

    @Test("They follow every change of the maps and of the channel shown")
    func followTheMapsAndChannels() throws {
        var state = stateAfter([.inputLoaded(.double(Self.rgb), path: "rgb.npy"), .setKernelPreset(.identity)])
        try expectFresh(state)
        for action: ExplorerAction in [.stepChannel(.forward), .stepChannel(.forward), .adjustRate(by: 1, axis: nil),
                                       .move(.right), .selectChannel(0), .addLayer(nil), .stepLayer(.forward),
                                       .stepChannel(.forward), .setActivation(.relu), .stepLayer(.backward), .undo,
                                       .setInputPattern(.ramp, size: Pair(square: 7))] {
            update(&state, action)
            try expectFresh(state)
        }
    }
}

@Suite("Starting afresh on parameters already computed")
struct ReusedOutputsTests {
    @Test("Reusing the outputs gives the fresh state's maps, cell, sum and message, without computing them again")
    func reuseEqualsFresh() throws {
        let earlier = stateAfter([.inputLoaded(.double(MapSummaryTests.rgb), path: "rgb.npy"), .addLayer(nil),
                                  .setActivation(.relu), .stepChannel(.forward), .move(.down), .adjustRate(by: 1, axis: nil)])
        let reused = ExplorerState(parameters: earlier.parameters, reusingOutputsOf: earlier)
        let fresh = ExplorerState(parameters: earlier.parameters)
        #expect(reused.stackOutputs.outputs == fresh.stackOutputs.outputs)
        #expect(reused.output == fresh.output && reused.layerInput == fresh.layerInput)
        #expect(reused.taps == fresh.taps && reused.position == fresh.position)
        #expect(reused.outputChannel == fresh.outputChannel && reused.message == fresh.message)
        #expect(reused.inputSummary == fresh.inputSummary && reused.outputSummary == fresh.outputSummary)
        #expect(reused.history == fresh.history)
        // Nothing was computed again: the earlier state's last recomputation is the one kept.
        #expect(reused.stackOutputs.recomputedFrom == earlier.stackOutputs.recomputedFrom)
        // Other parameters are computed afresh.
        var changed = earlier.parameters
        changed.setStack(earlier.layers.map { var layer = $0; layer.rate = Pair(square: 1); return layer },
                         weights: changed.weights, selecting: 0)
        #expect(ExplorerState(parameters: changed, reusingOutputsOf: earlier).stackOutputs.outputs
            == ExplorerState(parameters: changed).stackOutputs.outputs)
    }
}
