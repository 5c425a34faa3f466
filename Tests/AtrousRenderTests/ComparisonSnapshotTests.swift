import AtrousCore
import AtrousExplorer
import SnapshotTesting
import Testing
@testable import AtrousRender

/// Frames with a user's output loaded (`:actual`): the comparison panel beside the output on a
/// wide terminal, in the panels' place on a narrow one, and what it says when the shapes differ.
struct ActualComparisonSnapshotTests {
    /// The built-in example on a random input, with atrous's own output loaded as the actual
    /// after two of its values were changed.
    static func comparedState() throws -> ExplorerState {
        var state = ExplorerState()
        update(&state, .setInputPattern(.random(seed: 3), size: nil))
        var actual = try #require(state.output).doubles
        actual[0, 1, 2, 0] -= 2
        actual[0, 4, 6, 0] += 0.5
        update(&state, .actualLoaded(actual, path: "y.npy"))
        return state
    }

    @Test(arguments: [Size(width: 120, height: 40), Size(width: 80, height: 24)])
    func differencesBesideTheOutput(size: Size) throws {
        let frame = render(try Self.comparedState(), size: size, colors: false).text
        #expect(frame.contains("Actual: y.npy"))
        assertSnapshot(of: frame, as: .lines, named: size.description)
    }

    @Test func shapesThatDifferLeaveNoMap() throws {
        var state = try Self.comparedState()
        update(&state, .setPadding(.valid))
        let frame = render(state, size: Size(width: 120, height: 40), colors: false).text
        #expect(frame.contains("No difference map"))
        assertSnapshot(of: frame, as: .lines)
    }
}

/// Frames with a configuration pinned as A and reflect fill as B.
struct PinnedComparisonSnapshotTests {
    @Test(arguments: [Size(width: 120, height: 40), Size(width: 80, height: 24)])
    func aAgainstB(size: Size) {
        var state = ExplorerState()
        for action: ExplorerAction in [.setInputPattern(.random(seed: 3), size: nil), .pin, .setFill(.reflect)] {
            update(&state, action)
        }
        let frame = render(state, size: size, colors: false).text
        #expect(frame.contains("A (pinned): rate 2, stride 1,") && frame.contains("A: y[0,0] = "))
        assertSnapshot(of: frame, as: .lines, named: size.description)
    }
}
