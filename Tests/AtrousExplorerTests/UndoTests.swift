import AtrousCore
import Testing
@testable import AtrousExplorer

@Suite("Undo and redo")
struct UndoTests {
    @Test func undoRestoresParametersPositionAndDerivedValues() {
        let start = stateAfter([.selectOutputCell(row: 8, column: 8)])
        let changed = stateAfter([.setPadding(.valid)], from: start)
        #expect(changed.position == GridPosition(row: 4, column: 4))
        let undone = stateAfter([.undo], from: changed)
        #expect(undone.parameters == start.parameters)
        #expect(undone.position == GridPosition(row: 8, column: 8))
        #expect(undone.output == start.output && undone.taps == start.taps && undone.geometry == start.geometry)
        #expect(undone.message == .info("Undid padding valid."))
    }

    @Test func redoReappliesTheChange() {
        let changed = stateAfter([.adjustRate(by: 1, axis: nil), .adjustStride(by: 1, axis: nil)])
        let redone = stateAfter([.undo, .undo, .redo, .redo], from: changed)
        #expect(redone.parameters == changed.parameters)
        #expect(redone.output == changed.output)
        #expect(redone.message == .info("Redid stride 2."))
        #expect(!redone.history.canRedo)
    }

    @Test func aNewChangeForgetsTheRedo() {
        let branched = stateAfter([.adjustRate(by: 1, axis: nil), .undo, .cycleFill(.forward)])
        #expect(!branched.history.canRedo)
        #expect(stateAfter([.redo], from: branched).message == .info("Nothing to redo."))
    }

    @Test func viewChangesAreNotRecorded() {
        let viewed = stateAfter([.move(.down), .step(.forward), .last, .selectWeight(row: 1, column: 1),
                                   .selectInputCell(row: 0, column: 0), .togglePlay, .tick, .changeSpeed(.forward),
                                   .toggleHelp, .toggleHelp])
        #expect(!viewed.history.canUndo)
        #expect(stateAfter([.undo], from: viewed).message == .info("Nothing to undo."))
    }

    @Test func everyKindOfParameterChangeIsRecorded() {
        let actions: [ExplorerAction] = [.setRate(Pair(1, 2)), .setKernelSize(Pair(square: 5)), .setStride(Pair(square: 2)),
                                         .setPadding(.full), .setFill(.replicate), .setKernelPreset(.gaussian),
                                         .setWeight(row: 0, column: 0, value: 2), .setInputPattern(.ramp, size: nil),
                                         .inputLoaded(.double(Tensor(shape: [3, 3], repeating: 1)), path: "ones.csv")]
        var state = ExplorerState()
        var history = [state.parameters]
        for action in actions {
            update(&state, action)
            history.append(state.parameters)
        }
        for expected in history.reversed().dropFirst() {
            update(&state, .undo)
            #expect(state.parameters == expected)
        }
        #expect(!state.history.canUndo)
    }

    @Test func undoAnImpossibleChangeRecovers() {
        let recovered = stateAfter([.cyclePadding(.forward), .cyclePadding(.forward), .undo])
        #expect(recovered.spec.padding == .full)
        #expect(recovered.configurationError == nil)
        #expect(recovered.output != nil)
    }

    @Test func depthIsBounded() {
        var history = UndoHistory(depth: 3)
        let parameters = ExplorerState().parameters
        for n in 0..<5 { history.record(.init(parameters: parameters, position: GridPosition(row: n, column: 0), change: "\(n)")) }
        #expect(history.undoEntries.map(\.change) == ["2", "3", "4"])
        var state = ExplorerState()
        for _ in 0..<(ExplorerLimits.undoDepth + 10) { update(&state, .cycleFill(.forward)) }
        #expect(state.history.undoEntries.count == ExplorerLimits.undoDepth)
    }
}
