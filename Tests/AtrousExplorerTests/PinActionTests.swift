import AtrousCore
import Testing
@testable import AtrousExplorer

/// `:pin` keeps the configuration as A; changes make B; `:unpin` ends it.
@Suite("Comparing two configurations: :pin and :unpin")
struct PinActionTests {
    let start = stateAfter([.setInputPattern(.random(seed: 3), size: nil)])

    @Test func aChangeAfterPinningIsComparedWithA() throws {
        var state = stateAfterCommand("pin", from: start)
        #expect(state.message == .info("Pinned as A: rate 2, stride 1, padding same, fill zeros; changes now make B."))
        #expect(state.pinned?.difference?.scalars.allSatisfy { $0 == 0 } == true)
        update(&state, .setFill(.reflect))
        let pinned = try #require(state.pinned)
        let a = try #require(pinned.output), b = try #require(state.output)
        let difference = try #require(pinned.difference)
        #expect(difference.shape == [9, 9])
        for row in 0..<9 {
            for column in 0..<9 { #expect(difference[row, column] == a[0, row, column, 0] - b[0, row, column, 0]) }
        }
        #expect(difference[0, 0] != 0 && difference[4, 4] == 0, "reflect changes the border cells only")
        // A's computation line follows the current cell.
        update(&state, .move(.right))
        let taps = try #require(state.pinned?.taps)
        #expect(taps.outputColumn == 1 && taps.sum == a[0, 0, 1, 0])
    }

    @Test func outputsOfDifferentShapesAreComparedWhereBothHaveCellsAndUnpinEndsIt() throws {
        var state = stateAfter([.pin, .setPadding(.valid)], from: start)
        let pinned = try #require(state.pinned)
        let a = try #require(pinned.output), b = try #require(state.output)
        #expect(a.shape == [1, 9, 9, 1] && b.shape == [1, 5, 5, 1])
        // The rule: output index [i, j] of A against the same index of B, where both have it.
        let difference = try #require(pinned.difference)
        #expect(difference.shape == [5, 5])
        for row in 0..<5 {
            for column in 0..<5 { #expect(difference[row, column] == a[0, row, column, 0] - b[0, row, column, 0]) }
        }
        #expect(pinned.differenceSummary?.range == FiniteRange(of: difference.scalars))
        update(&state, .unpin)
        #expect(state.pinned == nil && state.message == .info("Unpinned."))
        update(&state, .unpin)
        #expect(state.message?.kind == .error)
    }

    @Test func whatBChangedIsListedInTheStatusLinesOrder() throws {
        var state = stateAfterCommand("pin", from: start)
        #expect(try #require(state.pinned).changes(to: state.parameters) == [])
        for action: ExplorerAction in [.setFill(.reflect), .setRate(Pair(square: 3))] { update(&state, action) }
        #expect(try #require(state.pinned).changes(to: state.parameters) == ["rate 2 → 3", "fill zeros → reflect"])
    }

    @Test(arguments: [
        (LayerSpec(kernelSize: Pair(square: 3), rate: Pair(square: 2), padding: .same), "rate 2 same"),
        (LayerSpec(kernelSize: Pair(square: 3), rate: Pair(3, 1), stride: Pair(square: 2),
                   padding: .explicit(top: 1, bottom: 1, left: 0, right: 2), fill: .reflect),
         "rate 3x1 pads 1,1,0,2 stride 2 reflect"),
    ])
    func aLayerInTheFewestWords(spec: LayerSpec, words: String) {
        #expect(PinnedConfiguration.shortSummary(of: spec) == words)
    }

    @Test func aMoveOfTheCellLeavesTheDifferenceAsItWas() throws {
        var state = stateAfter([.pin, .setRate(Pair(square: 3))], from: start)
        let before = try #require(state.pinned?.difference)
        update(&state, .move(.down))
        #expect(state.pinned?.difference == before && state.pinned?.taps?.outputRow == 1)
    }
}
