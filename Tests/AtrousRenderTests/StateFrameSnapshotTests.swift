import AtrousCore
import AtrousExplorer
import SnapshotTesting
import Testing
@testable import AtrousRender

/// Whole frames of `render(state, size:colors:)` for states reached through `update`, checked
/// by eye when recorded: what the explorer shows at start, after a few keys, with impossible
/// parameters, with the command line or the help open, and on terminals too small.
struct StateFrameSnapshotTests {
    /// The state after `actions` from the built-in example.
    static func state(after actions: [ExplorerAction]) -> ExplorerState {
        var state = ExplorerState()
        for action in actions { update(&state, action) }
        return state
    }

    static func frame(_ actions: [ExplorerAction], _ size: Size) -> String {
        render(state(after: actions), size: size, colors: false).text
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 60, height: 16),
                      Size(width: 40, height: 10), Size(width: 20, height: 6)])
    func builtInExample(size: Size) {
        assertSnapshot(of: Self.frame([], size), as: .lines, named: size.description)
    }

    /// Rate 3, next padding mode (full), then two cells right and one down.
    @Test func afterAFewKeys() {
        let actions: [ExplorerAction] = [.adjustRate(by: 1, axis: nil), .cyclePadding(.forward), .move(.right),
                                         .move(.right), .move(.down)]
        assertSnapshot(of: Self.frame(actions, Size(width: 80, height: 24)), as: .lines)
    }

    /// Valid padding at rate 5 leaves no output on a 9x9 input: the input and kernel stay,
    /// the output panel and the message say why.
    @Test func impossibleParameters() {
        let actions: [ExplorerAction] = [.setPadding(.valid), .setRate(Pair(square: 5))]
        #expect(Self.state(after: actions).configurationError != nil)
        assertSnapshot(of: Self.frame(actions, Size(width: 80, height: 24)), as: .lines)
    }

    @Test func commandLineOpen() {
        let actions: [ExplorerAction] = [.openCommandLine] + "rate 3,2".map { .editCommandLine(.insert($0)) }
            + [.editCommandLine(.moveLeft), .editCommandLine(.moveLeft)]
        assertSnapshot(of: Self.frame(actions, Size(width: 80, height: 24)), as: .lines)
    }

    @Test(arguments: [0, 12])
    func helpOpen(scroll: Int) {
        assertSnapshot(of: Self.frame([.toggleHelp, .scrollHelp(by: scroll)], Size(width: 80, height: 24)), as: .lines,
                       named: "scroll\(scroll)")
    }

    /// The colour frame in ANSI: `cat` the snapshot in a terminal to see it.
    @Test func colourFrameInANSI() {
        assertSnapshot(of: render(ExplorerState(), size: Size(width: 80, height: 24), colors: true).ansi, as: .lines)
    }
}
