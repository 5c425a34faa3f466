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

    @Test func outputsOfDifferentShapesHaveNoMapAndUnpinEndsIt() {
        var state = stateAfter([.pin, .setPadding(.valid)], from: start)
        #expect(state.pinned != nil && state.pinned?.difference == nil)
        update(&state, .unpin)
        #expect(state.pinned == nil && state.message == .info("Unpinned."))
        update(&state, .unpin)
        #expect(state.message?.kind == .error)
    }
}
