import AtrousCore
import Testing
@testable import AtrousExplorer

/// The layers a notation list reads as, for expectations written the way a user types them.
func layers(_ notations: String...) throws -> [LayerSpec] {
    try notations.map { try LayerSpec(notation: $0) }
}

/// The analysis AtrousCore gives for the state's layers on its input at the view's cell,
/// computed apart from the state.
func coreAnalysis(_ state: ExplorerState) throws -> ReceptiveFieldAnalysis {
    let stack = try LayerStack(inputSize: state.inputShape.spatial, specs: state.layers)
    return try ReceptiveFieldAnalysis(stack: stack, position: Pair(state.stack.cell.row, state.stack.cell.column))
}

@Suite("The layer stack")
struct StackActionTests {
    @Test func aFreshStackIsTheCurrentLayerAndHidden() {
        let state = ExplorerState()
        #expect(state.layers == [state.spec])
        #expect(state.selectedLayer == 0)
        #expect(!state.stack.isShown)
        #expect(state.stack.analysis == nil && state.stack.problem == nil)
    }

    @Test func toggleShowsTheAnalysisOfTheCurrentCellAndHidesIt() throws {
        let shown = stateAfter([.selectOutputCell(row: 2, column: 5), .toggleStackView])
        #expect(shown.stack.isShown)
        #expect(shown.stack.followsPosition)
        #expect(shown.stack.cell == GridPosition(row: 2, column: 5))
        #expect(shown.stack.analysis == (try coreAnalysis(shown)))
        #expect(shown.stack.layerPathCounts == nil, "a 9x9 input is not a row")
        #expect(shown.message?.text.hasPrefix("Stack of 1 layer: { } select a layer") == true)
        #expect(!shown.history.canUndo, "showing the view changes no parameter")
        let hidden = stateAfter([.toggleStackView], from: shown)
        #expect(!hidden.stack.isShown)
        #expect(hidden.stack.analysis == nil)
        #expect(hidden.message == .info("Receptive-field view hidden; v shows it again."))
    }

    @Test func theLayerKeysEditTheSelectedLayer() throws {
        let edited = stateAfter([.setLayers(try layers("k=3,r=1", "k=3,r=2", "k=3,r=4")), .selectLayer(1),
                                 .adjustRate(by: 1, axis: nil), .cyclePadding(.forward), .adjustKernelSize(by: 2, axis: nil)])
        #expect(edited.layers == (try layers("k=3,r=1", "k=5,r=3,p=full", "k=3,r=4")))
        #expect(edited.spec == edited.layers[1])
        #expect(edited.kernelShape.size == Pair(square: 5))
        #expect(edited.stack.analysis == (try coreAnalysis(edited)))
    }

    @Test func addCopiesTheSelectedLayerAfterItAndSelectsTheCopy() throws {
        let start = stateAfter([.setLayers(try layers("k=3,r=1", "k=5,r=2"))])
        let added = stateAfter([.addLayer(nil)], from: start)
        #expect(added.layers == (try layers("k=3,r=1", "k=3,r=1", "k=5,r=2")))
        #expect(added.selectedLayer == 1)
        #expect(added.stack.isShown)
        #expect(added.message == .info("New layer 2 of 3: k=3,r=1,s=1,p=same."))
        let fromNotation = stateAfter([.addLayer(try LayerSpec(notation: "k=2,r=4,p=valid"))], from: added)
        #expect(fromNotation.layers == (try layers("k=3,r=1", "k=3,r=1", "k=2,r=4,p=valid", "k=5,r=2")))
        #expect(fromNotation.selectedLayer == 2)
        #expect(fromNotation.spec == fromNotation.layers[2])
        #expect(fromNotation.kernel == KernelPreset.box.tensor(size: Pair(square: 2), channels: 1))
    }

    @Test func addRefusesALayerOutsideTheLimitsAndAFullStack() throws {
        let tooWide = stateAfter([.addLayer(try LayerSpec(notation: "k=13"))])
        #expect(tooWide.layers.count == 1)
        #expect(tooWide.message == .error("Cannot add k=13,r=1,s=1,p=same: the kernel size must be between 1 and 11, got 13."))
        var full = ExplorerState()
        for _ in 1..<ExplorerLimits.stackDepth { update(&full, .addLayer(nil)) }
        #expect(full.layers.count == ExplorerLimits.stackDepth)
        update(&full, .addLayer(nil))
        #expect(full.layers.count == ExplorerLimits.stackDepth)
        #expect(full.message == .error("The stack already has 32 layers, the most the explorer holds."))
    }

    @Test func removeDropsTheSelectedLayerAndSelectsTheOneBefore() throws {
        let start = stateAfter([.setLayers(try layers("k=3,r=1", "k=5,r=2", "k=3,r=5")), .selectLayer(1)])
        let removed = stateAfter([.removeLayer], from: start)
        #expect(removed.layers == (try layers("k=3,r=1", "k=3,r=5")))
        #expect(removed.selectedLayer == 0)
        #expect(removed.spec == removed.layers[0])
        #expect(removed.kernelShape.size == Pair(square: 3))
        #expect(removed.message == .info("Removal of layer 2 of 3: k=5,r=2,s=1,p=same."))
        let first = stateAfter([.selectLayer(0), .removeLayer], from: start)
        #expect(first.layers == (try layers("k=5,r=2", "k=3,r=5")))
        #expect(first.selectedLayer == 0)
    }

    @Test func theLastLayerStays() {
        let kept = stateAfter([.removeLayer])
        #expect(kept.layers == [ExplorerState().spec])
        #expect(kept.stack.isShown)
        #expect(kept.message == .error("The stack keeps at least one layer: it is the layer the panels show."))
        #expect(!kept.history.canUndo)
    }

    @Test func stepAndSelectMakeALayerTheCurrentOne() throws {
        let start = stateAfter([.setLayers(try layers("k=3,r=1", "k=5,r=2,s=2", "k=1"))])
        var state = start
        var seen: [Int] = []
        for _ in 0..<4 {
            update(&state, .stepLayer(.forward))
            seen.append(state.selectedLayer)
            #expect(state.spec == state.layers[state.selectedLayer])
            #expect(state.kernelShape.size == state.spec.kernelSize)
            #expect(state.geometry == coreGeometry(state))
        }
        #expect(seen == [1, 2, 0, 1])
        update(&state, .stepLayer(.backward))
        update(&state, .stepLayer(.backward))
        #expect(state.selectedLayer == 2)
        #expect(state.layers == start.layers, "selecting edits no layer")
        let picked = stateAfter([.selectLayer(2)], from: start)
        #expect(picked.message == .info("Layer 3 of 3: k=1,r=1,s=1,p=same."))
        let missing = stateAfter([.selectLayer(3)], from: start)
        #expect(missing.selectedLayer == 0)
        #expect(missing.message == .error("Layer 4 does not exist: the stack has 3 layers, counted from 1."))
        #expect(stateAfter([.stepLayer(.forward)]).message == .info("The stack has one layer; o adds a copy of it."))
    }

    @Test func everyLayerKeepsItsOwnKernel() throws {
        let start = stateAfter([.setLayers(try layers("k=3", "k=5"))])
        let edited = stateAfter([.selectLayer(1), .setWeight(row: 4, column: 4, value: 7), .selectLayer(0)], from: start)
        #expect(edited.kernelShape.size == Pair(square: 3))
        #expect(edited.kernel == start.kernel, "editing layer 2 leaves layer 1's kernel")
        #expect(edited.parameters.weights[1].kernel[4, 4, 0, 0] == 7)
        #expect(edited.parameters.weights[1].source == .edited(start.kernelSource.preset))
        let back = stateAfter([.selectLayer(1)], from: edited)
        #expect(back.kernel[4, 4, 0, 0] == 7 && back.kernelShape.size == Pair(square: 5))
    }

    @Test func setLayersReplacesTheStackAndSelectsTheFirst() throws {
        let set = stateAfter([.setLayers(try layers("k=3,r=1", "k=3,r=2", "k=3,r=5"))])
        #expect(set.layers == (try layers("k=3,r=1", "k=3,r=2", "k=3,r=5")))
        #expect(set.selectedLayer == 0)
        #expect(set.spec == set.layers[0])
        #expect(set.message == .info("Stack of 3 layers, rates 1,2,5."))
    }

    @Test(arguments: [
        ([LayerSpec](), "The stack needs at least one layer."),
        ([LayerSpec(kernelSize: Pair(square: 3), rate: Pair(1, 600))],
         "In layer 1 (k=3,r=1x600,s=1,p=valid), the rate must be between 1 and 512, got 600."),
        (Array(repeating: LayerSpec(kernelSize: Pair(square: 1)), count: 33),
         "A stack of 33 layers is more than the 32 the explorer holds."),
    ])
    func setLayersRefusesWhatTheExplorerCannotHold(layers: [LayerSpec], message: String) {
        let refused = stateAfter([.setLayers(layers)])
        #expect(refused.parameters == ExplorerState().parameters)
        #expect(refused.message == .error(message))
    }

    @Test func aLayerThatEmptiesTheOutputIsTheStacksProblem() throws {
        // 9 → 5 → 1 under valid 3x3 layers at rate 2; the third finds nothing left to read.
        let specs = try layers("k=3,r=2,p=valid", "k=3,r=2,p=valid", "k=3,r=2,p=valid")
        let broken = stateAfter([.setLayers(specs)])
        let error = #expect(throws: ReceptiveFieldError.self) { try LayerStack(inputSize: Pair(square: 9), specs: specs) }
        let expected = String(describing: try #require(error))
        #expect(broken.stack.problem == expected)
        #expect(expected.hasPrefix("In layer 3 of 3 (k=3,r=2,s=1,p=valid), the output height would be below 1"))
        #expect(broken.stack.analysis == nil)
        #expect(broken.message == .error(expected))
        #expect(broken.configurationError == nil, "the first layer alone is possible on the input")
        let fixed = stateAfter([.selectLayer(2), .cyclePadding(.forward)], from: broken)
        #expect(fixed.stack.problem == nil)
        #expect(fixed.stack.analysis == (try coreAnalysis(fixed)))
    }

    @Test func theCellFollowsTheCurrentCellWhenTheOutputsAgree() throws {
        var state = stateAfter([.setLayers(try layers("k=3,r=1", "k=3,r=2")), .selectOutputCell(row: 4, column: 4)])
        for action: ExplorerAction in [.move(.right), .step(.forward), .moveStackCell(.down), .moveStackCell(.left)] {
            update(&state, action)
            #expect(state.stack.followsPosition)
            #expect(state.stack.cell == state.position)
            #expect(state.stack.analysis == (try coreAnalysis(state)))
        }
        #expect(state.position == GridPosition(row: 5, column: 5))
    }

    @Test func theCellHasItsOwnKeysWhenTheOutputsDiffer() throws {
        // Valid layers shrink 9 → 7 → 5, so the stack's 5x5 output is not the first layer's 7x7.
        var state = stateAfter([.setLayers(try layers("k=3,p=valid", "k=3,p=valid"))])
        #expect(!state.stack.followsPosition)
        #expect(state.stack.analysis?.stack.outputSize == Pair(square: 5))
        let position = state.position
        for _ in 0..<7 { update(&state, .moveStackCell(.right)) }
        update(&state, .moveStackCell(.down))
        #expect(state.stack.cell == GridPosition(row: 1, column: 4), "clamped at the output's edge")
        #expect(state.position == position)
        #expect(state.stack.analysis == (try coreAnalysis(state)))
        update(&state, .move(.down))
        #expect(state.stack.cell == GridPosition(row: 1, column: 4), "the explorer's keys leave it")
        #expect(state.history.undoEntries.count == 1, "only the stack was recorded, no move")
    }

    @Test func movingTheCellShowsTheView() {
        let moved = stateAfter([.moveStackCell(.right)])
        #expect(moved.stack.isShown)
        #expect(moved.position == GridPosition(row: 0, column: 1))
    }
}

@Suite("Stack presets")
struct StackPresetTests {
    @Test func griddingGridsAndTheRuleSaysSo() throws {
        let state = stateAfter([.loadStackPreset(.gridding)])
        #expect(state.inputShape.spatial == Pair(square: 33))
        #expect(state.inputSource == .pattern(.impulse, size: Pair(square: 33)))
        #expect(state.layers == StackPreset.gridding.branches[0])
        #expect(state.spec == state.layers[0])
        #expect(state.stack.cell == GridPosition(row: 16, column: 16))
        #expect(state.position == state.stack.cell)
        let analysis = try #require(state.stack.analysis)
        #expect(analysis == (try coreAnalysis(state)))
        #expect(analysis.coverage.holes > 0)
        #expect(analysis.ruleGrids)
        #expect(state.message == .info("Stack gridding on a 33x33 input: \(StackPreset.gridding.summary)."))
    }

    @Test func hdcCoversItsFieldAndTheRuleAgrees() throws {
        let state = stateAfter([.loadStackPreset(.hdc)])
        let analysis = try #require(state.stack.analysis)
        #expect(analysis.coverage.holes == 0)
        #expect(analysis.coverage.cells == 33 * 33)
        #expect(!analysis.ruleGrids)
    }

    @Test func wavenetIsARowWithItsPathsLayerByLayer() throws {
        let state = stateAfter([.setInputPattern(.ramp, size: nil), .loadStackPreset(.wavenet)])
        #expect(state.inputSource == .pattern(.ramp, size: Pair(1, 1024)))
        #expect(state.stack.cell == GridPosition(row: 0, column: 1023))
        #expect(state.position == state.stack.cell)
        #expect(state.spec == LayerSpec(kernelSize: Pair(1, 2), padding: .causal))
        let stages = try #require(state.stack.layerPathCounts)
        let stack = try #require(state.stack.analysis?.stack)
        #expect(stages == (try stack.pathCountsByLayer(along: .width, toOutput: 1023)))
        #expect(stages.count == 11)
        #expect(stages[0] == Array(repeating: 1, count: 1024), "every sample reached by exactly one path")
        #expect(stages[10].enumerated().allSatisfy { $0.element == ($0.offset == 1023 ? 1 : 0) })
        // Selecting the top layer makes its rate the explorer's.
        let top = stateAfter([.selectLayer(9)], from: state)
        #expect(top.spec.rate == Pair(1, 512))
        #expect(top.configurationError == nil)
    }

    @Test func contextLoadsOnItsOwnInput() throws {
        let state = stateAfter([.loadStackPreset(.context)])
        #expect(state.inputShape.spatial == Pair(square: 67))
        #expect(state.layers.count == 8)
        #expect(state.stack.analysis?.field.size == Pair(square: 67))
    }

    @Test func asppIsRefusedWithTheWayToSeeIt() {
        let refused = stateAfter([.loadStackPreset(.aspp)])
        #expect(refused.parameters == ExplorerState().parameters)
        #expect(refused.message == .error("The aspp preset runs 4 parallel branches and the stack view shows one stack; "
            + "see it with atrous rf --preset aspp."))
    }

    @Test func aFileInputStaysAndEveryLayerComputesOnIt() {
        let loaded = stateAfter([.inputLoaded(.double(Tensor(shape: [4, 4, 3], repeating: 1)), path: "rgb.npy"),
                                 .loadStackPreset(.gridding)])
        #expect(loaded.inputSource == .file(path: "rgb.npy"))
        #expect(loaded.parameters.weights.map(\.kernelShape.inputChannels) == [3, 3, 3])
        #expect(loaded.stackOutputs.outputs.map(\.shape) == Array(repeating: [1, 4, 4, 3], count: 3))
        #expect(loaded.configurationError == nil)
        #expect(loaded.message == .info("Stack gridding on a 4x4 input: \(StackPreset.gridding.summary)."))
    }

    @Test(arguments: StackPreset.all.filter { !$0.isParallel })
    func everyStackPresetFitsTheExplorer(preset: StackPreset) {
        #expect(ExplorerLimits.patternProblem(preset.inputSize) == nil)
        for layer in preset.branches[0] { #expect(ExplorerLimits.problem(layer) == nil, "\(layer.notation)") }
        #expect(preset.branches[0].count <= ExplorerLimits.stackDepth)
    }
}

@Suite("Undo of stack edits")
struct StackUndoTests {
    @Test func everyStackEditIsUndoneInTurn() throws {
        let actions: [ExplorerAction] = [
            .setLayers(try layers("k=3,r=1", "k=3,r=2")), .addLayer(nil), .addLayer(try LayerSpec(notation: "k=5,r=3")),
            .stepLayer(.backward), .selectLayer(0), .removeLayer, .adjustRate(by: 1, axis: nil),
            .loadStackPreset(.gridding), .loadStackPreset(.wavenet),
        ]
        var state = stateAfter([.toggleStackView])
        var history: [(ExplorerParameters, GridPosition, GridPosition)] = [(state.parameters, state.position, state.stack.cell)]
        for action in actions {
            update(&state, action)
            history.append((state.parameters, state.position, state.stack.cell))
        }
        for (parameters, position, cell) in history.reversed().dropFirst() {
            update(&state, .undo)
            #expect(state.parameters == parameters)
            #expect(state.position == position)
            #expect(state.stack.cell == cell)
            #expect(state.stack.analysis == (try coreAnalysis(state)))
        }
        #expect(!state.history.canUndo)
    }

    @Test func undoRestoresTheStacksOwnCell() throws {
        var state = stateAfter([.setLayers(try layers("k=3,p=valid", "k=3,p=valid")), .moveStackCell(.right),
                                .moveStackCell(.down)])
        let cell = state.stack.cell
        update(&state, .addLayer(nil))
        update(&state, .undo)
        #expect(state.stack.cell == cell)
        #expect(state.message == .info("Undid new layer 2 of 3: k=3,r=1,s=1,p=valid."))
    }

    @Test func undoingBackToABrokenStackSaysWhy() throws {
        let broken = stateAfter([.setLayers(try layers("k=3,r=2,p=valid", "k=3,r=2,p=valid", "k=3,r=2,p=valid")),
                                 .selectLayer(2), .cyclePadding(.forward), .undo])
        #expect(broken.stack.problem != nil)
        #expect(broken.message == .error("In layer 3 of 3, the output height would be below 1: the input height 1 plus "
            + "padding 0+0 is smaller than the effective kernel 5 (kernel 3 at rate 2)."))
    }
}

@Suite("Restoring a saved stack")
struct StackRestoreTests {
    @Test func aStackWhoseSelectedLayerIsTheCurrentOneIsRestored() throws {
        var parameters = ExplorerState().parameters
        let saved = [try LayerSpec(notation: "k=3,r=1")] + [parameters.spec] + [try LayerSpec(notation: "k=3,r=5")]
        try parameters.restoreStack(saved, selectedLayer: 1)
        #expect(parameters.layers == saved && parameters.selectedLayer == 1)
        let state = stateAfter([.toggleStackView], from: ExplorerState(parameters: parameters))
        #expect(state.stack.analysis?.stack.specs == saved)
    }

    @Test func aMismatchIsRefusedInOneSentence() throws {
        var parameters = ExplorerState().parameters
        let other = try LayerSpec(notation: "k=5,r=1")
        #expect(throws: StackRestoreError.selectionOutside(index: 3, count: 1)) {
            try parameters.restoreStack([parameters.spec], selectedLayer: 3)
        }
        #expect(throws: StackRestoreError.selectionIsNotTheLayer(selected: other, layer: parameters.spec)) {
            try parameters.restoreStack([other], selectedLayer: 0)
        }
        #expect(parameters == ExplorerState().parameters)
        #expect(StackRestoreError.selectionIsNotTheLayer(selected: other, layer: parameters.spec).description
            == "The stack's selected layer (k=5,r=1,s=1,p=same, fill zeros) is not the current layer "
            + "(k=3,r=2,s=1,p=same, fill zeros).")
    }
}
