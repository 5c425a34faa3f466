import AtrousCore
import Testing
@testable import AtrousExplorer

@Suite("The explorer's limits")
struct ExplorerLimitsTests {
    @Test(arguments: [
        (Pair(1, 1024), nil),
        (Pair(128, 128), nil),
        (Pair(1, 1025), "A pattern's height and width must be between 1 and 1024, got 1025."),
        (Pair(129, 128), "A 129x128 pattern has 16512 cells, more than the 16384 the explorer recomputes at each key."),
    ] as [(Pair, String?)])
    func patternSizes(size: Pair, problem: String?) {
        #expect(ExplorerLimits.patternProblem(size) == problem)
    }

    @Test(arguments: [(Pair(2000, 2000), Pair(128, 128)), (Pair(3, 5000), Pair(3, 1024)), (Pair(40, 900), Pair(26, 607)),
                      (Pair(9, 9), Pair(9, 9))])
    func aFilesSizeIsBroughtWithinThePatternLimits(size: Pair, fitted: Pair) {
        let result = ExplorerLimits.fittingPattern(size)
        #expect(result == fitted)
        #expect(ExplorerLimits.patternProblem(result) == nil)
    }

    @Test func cyclingFromALargeFileKeepsItsShapeWithinTheLimits() {
        let state = stateAfter([.inputLoaded(.double(Tensor(shape: [40, 900], repeating: 0)), path: "wide.npy"),
                                .cycleInputPattern(.forward)])
        #expect(state.inputShape.spatial == Pair(26, 607))
    }

    @Test func aRowAsLongAsWavenetsFieldIsAPattern() {
        let row = stateAfter([.setInputPattern(.ramp, size: Pair(1, 1024))])
        #expect(row.inputShape.spatial == Pair(1, 1024))
    }

    @Test func paddingThatWouldGrowTheOutputPastTheLimitIsRefused() {
        // Full padding of an 11x11 kernel at rate 512 grows each side of a 100x100 input by
        // 5120 cells: far more than one key press may recompute.
        let grown = stateAfter([.setInputPattern(.impulse, size: Pair(100, 100)), .setKernelSize(Pair(square: 11)),
                                .setRate(Pair(square: 512)), .setPadding(.full)])
        #expect(grown.spec.padding == .same)
        #expect(grown.message == .error("The output would be 5220x5220, more cells than the explorer recomputes at each key "
            + "(262144); lower the rate or the padding."))
        // An output no larger than the input is always fine, however large the input.
        let same = stateAfter([.inputLoaded(.double(Tensor(shape: [600, 600], repeating: 0)), path: "big.npy")])
        #expect(same.inputShape.spatial == Pair(600, 600))
        #expect(same.geometry?.outputSize == Pair(600, 600))
    }
}
