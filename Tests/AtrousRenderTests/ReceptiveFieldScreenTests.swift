import AtrousCore
import AtrousExplorer
import SnapshotTesting
import Testing
@testable import AtrousRender

/// The stack view inside whole explorer frames, composed the way `render(state, size)` does:
/// the explorer's panels from the state, and ``receptiveFieldWidget(for:palette:)`` as the
/// screen's `extra`.
struct ReceptiveFieldScreenTests {
    static func frame(_ state: ExplorerState, size: Size, colors: Bool = false) throws -> CellBuffer {
        render(state, size: size, colors: colors)
    }

    @Test func onAClassicTerminalTheViewTakesThePanelArea() throws {
        let state = StackFixtures.state([.loadStackPreset(.gridding)])
        let frame = try Self.frame(state, size: Size(width: 80, height: 24))
        let panel = CellBuffer.rendering(ReceptiveFieldPanel(state: state, palette: .monochrome),
                                         size: Size(width: 80, height: 20))
        #expect(Array(frame.lines.prefix(20)) == panel.lines)
        #expect(frame.lines[21].hasPrefix(" rate 2 k3x3 s1 same"), "the status line still speaks of the selected layer")
    }

    @Test func onAWideTerminalTheViewIsAThirdColumn() throws {
        let state = StackFixtures.state([.loadStackPreset(.gridding)])
        let frame = try Self.frame(state, size: Size(width: 120, height: 40))
        #expect(frame.lines[0].hasPrefix("Input 33x33"))
        #expect(frame.lines[0].dropFirst(86).hasPrefix("Stack of 3 layers on 33x33 → 33x33"))
        let hidden = try Self.frame(stateAfterHiding(state), size: Size(width: 120, height: 40))
        #expect(!hidden.text.contains("Stack of 3 layers"))
    }

    private func stateAfterHiding(_ state: ExplorerState) -> ExplorerState {
        var state = state
        update(&state, .toggleStackView)
        return state
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func griddingFrame(size: Size) throws {
        let state = StackFixtures.state([.loadStackPreset(.gridding)])
        assertSnapshot(of: try Self.frame(state, size: size).text, as: .lines, named: size.description)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func wavenetFrame(size: Size) throws {
        let state = StackFixtures.state([.loadStackPreset(.wavenet)])
        assertSnapshot(of: try Self.frame(state, size: size).text, as: .lines, named: size.description)
    }
}
