import AtrousCore
import Testing
@testable import AtrousExplorer

/// `:actual FILE` sets a user's output beside atrous's and diagnoses it; `:diagnose` applies
/// the first finding as one undoable change.
@Suite("A user's output: :actual and :diagnose")
struct ActualActionTests {
    /// The built-in example on a random 9x9 input.
    let start = stateAfter([.setInputPattern(.random(seed: 3), size: nil)])

    private func output(of state: ExplorerState, rate: Int, padding: Padding) throws -> Tensor<Double> {
        try Convolution(kernel: state.kernel, rate: Pair(square: rate), padding: padding)(state.input.doubles)
    }

    @Test func theCommandsAskForTheFileAndDropIt() {
        var state = start
        update(&state, .openCommandLine)
        for character in "actual y.npy" { update(&state, .editCommandLine(.insert(character))) }
        #expect(update(&state, .submitCommandLine) == [.loadActual(path: "y.npy")])
        #expect(state.message == .info("Loading y.npy…"))
        #expect(stateAfterCommand("diagnose", from: start).message
            == .error("No actual output to diagnose; load one with :actual FILE."))
    }

    @Test func aLoadedOutputIsDiagnosedAndDiagnoseAppliesIt() throws {
        let actual = try output(of: start, rate: 3, padding: .valid)
        var state = stateAfter([.actualLoaded(actual, path: "y.npy")], from: start)
        let comparison = try #require(state.comparison)
        #expect(state.message?.text.hasPrefix("Matches (max error 0), TensorFlow's standard call: rate 3, stride 1, "
            + "no padding (VALID)") == true)
        #expect(comparison.difference == nil, "atrous's 9x9 output cannot be compared with the 3x3 actual")
        update(&state, .applyDiagnosis)
        #expect(state.spec.rate == Pair(square: 3) && state.spec.padding == .valid)
        #expect(state.comparison?.difference?.scalars.allSatisfy { $0 == 0 } == true)
        #expect(state.comparison?.largest == [])
        update(&state, .undo)
        #expect(state.spec.rate == Pair(square: 2) && state.spec.padding == .same)
        #expect(state.comparison?.difference == nil)
        update(&state, .clearActual)
        #expect(state.comparison == nil)
    }

    @Test func theDifferenceMapFollowsTheParameters() throws {
        var actual = try output(of: start, rate: 2, padding: .same)
        actual[0, 4, 6, 0] += 0.5
        actual[0, 1, 2, 0] -= 2
        let state = stateAfter([.actualLoaded(actual, path: "y.npy")], from: start)
        let comparison = try #require(state.comparison)
        #expect(comparison.largest == [CellDifference(row: 1, column: 2, value: 2),
                                       CellDifference(row: 4, column: 6, value: 0.5)])
        #expect(state.message?.text.hasPrefix("Closest (max error 2.0)") == true)
    }

    @Test func aFindingBeyondTheLayerIsSetAsFarAsItGoesAndSaysWhatIsLeft() throws {
        let once = try output(of: start, rate: 1, padding: .same)
        let twice = try Convolution(kernel: start.kernel, rate: Pair(square: 2), padding: .same)(once)
        var state = stateAfter([.actualLoaded(twice, path: "y.npy")], from: start)
        #expect(state.comparison?.suggestion?.beyondTheLayer == ["the kernel applied twice"])
        update(&state, .applyDiagnosis)
        #expect(state.message == .note("Already at rate 2, stride 1, padding same, fill zeros; the explorer cannot "
            + "show the kernel applied twice."))
        update(&state, .setRate(Pair(square: 3)))
        update(&state, .applyDiagnosis)
        #expect(state.spec.rate == Pair(square: 2))
        #expect(state.message == .note("Set rate 2, stride 1, padding same, fill zeros; the explorer cannot show "
            + "the kernel applied twice."))
    }

    @Test func anOutputOfNoReachableShapeSaysSo() {
        let state = stateAfter([.actualLoaded(Tensor(shape: [40, 40], repeating: 0), path: "y.npy")], from: start)
        #expect(state.message?.kind == .error)
        #expect(state.message?.text.hasPrefix("No convention turns an input of shape (1, 9, 9, 1)") == true)
        #expect(state.comparison?.suggestion == nil)
    }
}
