import AtrousCore
@testable import AtrousExplorer
import Testing

/// The overview's cone, its steps, and following a tap back through the stack.
@Suite("Layers overview and the cone")
struct LayersOverviewTests {
    @Test func theKeyStepsOwnScalesSharedScaleHidden() {
        var state = stateAfter([.loadStackPreset(.gridding)])
        var seen: [LayersOverview.Scale?] = []
        for _ in 0..<3 {
            update(&state, .cycleLayersOverview)
            seen.append(state.overview.scale)
        }
        #expect(seen == [.each, .shared, nil])
        #expect(state.overview.cone == nil)
        #expect(stateAfterCommand("layers").overview.scale == .each)
    }

    @Test(arguments: [StackPreset.gridding, StackPreset.hdc, StackPreset.context])
    func theConeIsThePathCountsOfRf(preset: StackPreset) throws {
        let state = stateAfter([.loadStackPreset(preset), .cycleLayersOverview])
        let cone = try #require(state.overview.cone)
        let analysis = try #require(state.stack.analysis)
        #expect(cone.count == state.layers.count + 1)
        // Stage 0 is the map `atrous rf --counts` writes for the same cell.
        #expect(cone[0] == (try analysis.stack.pathCounts(row: state.stack.cell.row, column: state.stack.cell.column)))
        // Every stage has the size of the map it lies over, and the last is the chosen cell alone.
        #expect(cone.dropFirst().map(\.size) == state.stackOutputs.outputs.map { Pair($0.shape[1], $0.shape[2]) })
        let last = try #require(cone.last)
        #expect(last.nonzeroCount == 1 && last[state.stack.cell.row, state.stack.cell.column] == 1)
    }

    @Test func griddingLeavesHolesInTheConeAndHDCNone() throws {
        let gridding = try #require(stateAfter([.loadStackPreset(.gridding), .cycleLayersOverview]).overview.cone)
        #expect(gridding.map(\.nonzeroCount) == [49, 25, 9, 1])
        #expect(gridding[0].nonzeroBounds?.cellCount == 169, "7x7 reached cells spread over 13x13")
        let hdc = try #require(stateAfter([.loadStackPreset(.hdc), .cycleLayersOverview]).overview.cone)
        // The input stage, where HDC's promise lies, has no hole (the stages inside it may).
        #expect(hdc[0].nonzeroBounds?.cellCount == hdc[0].nonzeroCount)
        #expect(hdc[0].nonzeroCount == 33 * 33, "the whole 33x33 field")
    }

    @Test func theConeFollowsTheChosenCell() throws {
        let start = stateAfter([.loadStackPreset(.gridding), .cycleLayersOverview])
        let moved = stateAfter([.moveStackCell(.right)], from: start)
        let before = try #require(start.overview.cone?.last?.nonzeroBounds)
        let after = try #require(moved.overview.cone?.last?.nonzeroBounds)
        #expect(after.columns.lowerBound == before.columns.lowerBound + 1)
    }

    @Test func followingATapSelectsThePreviousLayerAtTheTapsCell() throws {
        let start = stateAfter([.setInputPattern(.random(seed: 2), size: Pair(square: 15)), .loadStackPreset(.gridding),
                                .selectLayer(2), .selectOutputCell(row: 7, column: 8), .selectWeight(row: 0, column: 2)])
        let tap = try #require(start.taps?.taps.first { $0.kernelRow == 0 && $0.kernelColumn == 2 })
        let followed = stateAfter([.followTap], from: start)
        #expect(followed.selectedLayer == 1)
        #expect(followed.position == GridPosition(row: tap.row, column: tap.column))
        #expect(followed.position == GridPosition(row: 5, column: 10))
        // The followed cell's value is the value the tap read.
        #expect(outputValue(followed, at: followed.position) == tap.value)
        #expect(followed.message == .info("Followed the tap of w[0,2] to (5, 10) in layer 2's output; "
            + "T follows a tap further back."))
        let atTheInput = stateAfter([.selectLayer(0), .followTap], from: start)
        #expect(atTheInput.selectedLayer == 0)
        #expect(atTheInput.message == .info("Layer 1 reads the input itself; there is no layer before it to follow a tap into."))
    }

    @Test func aTapInZeroPaddingHasNoCellBehindIt() {
        let start = stateAfter([.loadStackPreset(.gridding), .selectLayer(1), .selectOutputCell(row: 0, column: 0),
                                .selectWeight(row: 0, column: 0)])
        let followed = stateAfter([.followTap], from: start)
        #expect(followed.selectedLayer == 1)
        #expect(followed.message == .info("The tap of w[0,0] reads zero padding at (-2, -2); no cell of layer 1 lies behind it."))
    }

    @Test func reluLayersClipNegatives() throws {
        let state = stateAfter([.setInputPattern(.random(seed: 4), size: Pair(square: 12)), .setKernelPreset(.random(seed: 1)),
                                .addLayer(nil), .setActivation(.relu)])
        let outputs = state.stackOutputs.outputs
        #expect(state.parameters.weights.map(\.activation) == [Activation.none, .relu])
        #expect(outputs[0].doubles.scalars.contains { $0 < 0 })
        #expect(outputs[1].doubles.scalars.allSatisfy { $0 >= 0 })
        #expect(stateAfterCommand("activation relu").parameters.activation == .relu)
        #expect(stateAfterCommand("activation tanh").message?.kind == .error)
    }

    @Test func aLayersBiasIsAddedToItsSumAndCarriedToTheLayersAfter() throws {
        let start = stateAfter([.setInputPattern(.random(seed: 4), size: Pair(square: 10)), .loadStackPreset(.gridding)])
        let biased = stateAfter([.setBias([0.5])], from: start)
        #expect(biased.parameters.bias == [0.5] && biased.taps?.bias == 0.5)
        #expect(biased.stackOutputs.recomputedFrom == 0)
        let outputs = biased.stackOutputs.outputs, before = start.stackOutputs.outputs
        #expect(zip(outputs[0].doubles.scalars, before[0].doubles.scalars).allSatisfy { isClose($0, $1 + 0.5) })
        // The next layer sums nine taps of layer 1, each 0.5 higher (box kernel of ones).
        let cell = GridPosition(row: 5, column: 5)
        #expect(isClose(outputs[1][0, cell.row, cell.column, 0], before[1][0, cell.row, cell.column, 0] + 9 * 0.5))
        #expect(stateAfterCommand("bias 1,2", from: start).message
            == .error("The layer has one output channel, so its bias is one value; got 2."))
        #expect(stateAfterCommand("bias none", from: biased).parameters.bias == nil)
        #expect(stateAfter([.undo], from: biased).parameters == start.parameters)
    }
}
