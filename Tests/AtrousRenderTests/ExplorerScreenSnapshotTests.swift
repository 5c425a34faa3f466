import SnapshotTesting
import Testing
@testable import AtrousRender

/// Whole explorer frames as pictures, checked by eye when recorded. A change to any panel or
/// to the layout shows up here as a line diff.
struct ExplorerScreenSnapshotTests {
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 60, height: 16),
                      Size(width: 40, height: 10), Size(width: 20, height: 6)])
    func monochromeFrame(size: Size) {
        assertSnapshot(of: ExampleScreens.frame(size: size).text, as: .lines, named: size.description)
    }

    @Test func helpOpensOverTheFrame() {
        assertSnapshot(of: ExampleScreens.frame(size: Size(width: 80, height: 24), help: true).text, as: .lines)
    }

    /// The colour frame in ANSI: `cat` the snapshot in a terminal to see it.
    @Test func colourFrameInANSI() {
        assertSnapshot(of: ExampleScreens.frame(size: Size(width: 80, height: 24), colors: true).ansi, as: .lines)
    }

    @Test(arguments: [Size(width: 1, height: 1), Size(width: 0, height: 0)])
    func degenerateTerminalsNeverTrap(size: Size) {
        let frame = ExampleScreens.frame(size: size)
        #expect(frame.size == size)
        #expect(frame.text == (size.width > 0 ? "T" : ""))
    }
}
