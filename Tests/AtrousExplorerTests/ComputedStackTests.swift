import AtrousCore
@testable import AtrousExplorer
import Testing

/// The explorer's stack is a network: layer i computes on layer i−1's output.
@Suite("The computed stack")
struct ComputedStackTests {
    /// The gridding preset on a random input, with random kernels so that no layer is a plain blur.
    static func gridding() -> ExplorerState {
        stateAfter([.setInputPattern(.random(seed: 3), size: Pair(square: 20)), .setKernelPreset(.random(seed: 5)),
                    .loadStackPreset(.gridding)])
    }

    @Test func layerThreeComputesOnLayerTwosOutput() throws {
        let state = stateAfter([.selectLayer(2)], from: Self.gridding())
        let outputs = state.stackOutputs.outputs
        #expect(outputs.count == 3)
        #expect(state.layerInput == outputs[1])
        #expect(state.layerInputName == "Layer 2 output")
        let layer = try Convolution(kernel: state.kernel, rate: Pair(square: 2), padding: .same)
        #expect(state.output == .double(try layer(outputs[1].doubles)))
        #expect(state.output != .double(try layer(state.input.doubles)), "not the raw input")
        // The current cell's taps read layer 2's output and sum to the shown value.
        let taps = try #require(state.taps)
        for tap in taps.taps where !tap.source.isPadding {
            #expect(tap.value == outputs[1][0, tap.row, tap.column, tap.inputChannel])
        }
        #expect(isClose(taps.sum, try #require(outputValue(state, at: state.position))))
    }

    @Test func theFirstLayerReadsTheInput() {
        let state = Self.gridding()
        #expect(state.selectedLayer == 0 && state.layerInput == state.input && state.layerInputName == "Input")
    }

    @Test func aChangeRecomputesFromTheChangedLayerOn() throws {
        let start = stateAfter([.selectLayer(1)], from: Self.gridding())
        let changed = stateAfter([.adjustRate(by: 1, axis: nil)], from: start)
        #expect(changed.stackOutputs.recomputedFrom == 1)
        #expect(changed.stackOutputs.outputs[0] == start.stackOutputs.outputs[0])
        #expect(changed.stackOutputs.outputs[1] != start.stackOutputs.outputs[1])
        #expect(changed.stackOutputs.outputs[2] != start.stackOutputs.outputs[2])
        // The kept outputs equal a computation from scratch.
        let fresh = try ConvolutionStack<Double>(changed.parameters.stackLayers()).outputs(of: changed.input.doubles)
        #expect(changed.stackOutputs.outputs == fresh.map(AnyTensor.double))
        // Moving the cell recomputes nothing.
        #expect(stateAfter([.move(.right)], from: changed).stackOutputs == changed.stackOutputs)
        // A new input recomputes every layer.
        #expect(stateAfter([.reseed], from: changed).stackOutputs.recomputedFrom == 0)
    }

    @Test func aRateKeyWritesIntoThePreviousOutputsStorage() throws {
        // Nothing else holds the outputs (no earlier state is kept), so the selected layer and
        // the one after it are recomputed in place; the layer before is kept as it was.
        var state = stateAfter([.selectLayer(1)], from: Self.gridding())
        let before = state.stackOutputs.outputs.map(Self.address)
        _ = update(&state, .adjustRate(by: 1, axis: nil))
        #expect(state.stackOutputs.recomputedFrom == 1)
        #expect(state.stackOutputs.outputs.map(Self.address) == before)
        let fresh = try ConvolutionStack<Double>(state.parameters.stackLayers()).outputs(of: state.input.doubles)
        #expect(state.stackOutputs.outputs == fresh.map(AnyTensor.double))
        #expect(state.output == .double(fresh[1]))
        // The summary of the rewritten map is of its new values, equal to a separate scan.
        #expect(state.outputSummary == MapSummary(featureMap: fresh[1]))
    }

    /// Where a map's values are stored, without keeping a reference to them.
    private static func address(_ map: AnyTensor) -> UnsafeRawPointer? {
        switch map {
        case let .float(tensor): tensor.scalars.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        case let .double(tensor): tensor.scalars.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        }
    }

    @Test func aLayerThatCannotBeComputedStopsTheLayersAfterIt() throws {
        // On the 9x9 input, each valid layer at rate 2 takes 4 cells: 9, 5, 1, then nothing.
        let start = stateAfter([.setLayers(try ["k=3,r=2,p=valid", "k=3,r=2,p=valid", "k=3,r=2,p=valid", "k=1"].map {
            try LayerSpec(notation: $0)
        })])
        #expect(start.stackOutputs.outputs.count == 2)
        let fourth = stateAfter([.selectLayer(3)], from: start)
        #expect(fourth.output == nil && fourth.layerInput == nil && fourth.layerInputName == "Input")
        #expect(fourth.problem == "In layer 3 of 4, the output height would be below 1: the input height 1 plus padding "
            + "0+0 is smaller than the effective kernel 5 (kernel 3 at rate 2).")
        #expect(fourth.message == fourth.problem.map { .error($0) })
    }

    @Test func kernelsThatDoNotChainAreNamed() throws {
        var parameters = ExplorerState().parameters
        let wide = try LayerWeights(kernel: Tensor(shape: [3, 3, 1, 2], repeating: 1), source: .preset(.box))
        parameters.setStack([ExplorerState().spec, ExplorerState().spec],
                            weights: [wide, parameters.weights[0]], selecting: 1)
        let state = ExplorerState(parameters: parameters)
        #expect(state.stackOutputs.outputs.count == 1)
        #expect(state.problem == "Layer 1 writes 2 channels but layer 2 reads 1 channel: each layer's kernel must take "
            + "as many input channels as the layer before gives.")
        #expect(state.message == .error(try #require(state.problem)))
    }
}
