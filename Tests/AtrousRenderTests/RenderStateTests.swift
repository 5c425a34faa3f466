import AtrousCore
import AtrousExplorer
import Testing
@testable import AtrousRender

/// How `render(state, size:colors:)` and the mouse map read the state. Coordinates refer to
/// the built-in example at 80x24 (see the `builtInExample` snapshot): input cells 3 columns
/// wide after a 3-column row index, from padded column −2 and row −2 at screen row 2; kernel
/// weights 3 wide from column 42, row 2; output cells 3 wide from column 42, row 10.
struct RenderStateTests {
    let size = Size(width: 80, height: 24)

    func state(after actions: [ExplorerAction]) -> ExplorerState {
        var state = ExplorerState()
        for action in actions { update(&state, action) }
        return state
    }

    func click(_ x: Int, _ y: Int, button: Int = 1) -> MouseEvent {
        MouseEvent(x: x, y: y, kind: .press(button: button))
    }

    @Test(arguments: [
        (63, 11, ExplorerAction.selectOutputCell(row: 2, column: 3)),
        (54, 9, .selectOutputCell(row: 0, column: 0)),
        (30, 8, .selectInputCell(row: 4, column: 4)),
        (4, 2, .selectInputCell(row: -2, column: -2)),
        (62, 3, .selectWeight(row: 1, column: 2)),
    ])
    func aLeftClickPicksTheCellDrawnThere(x: Int, y: Int, expected: ExplorerAction) {
        #expect(action(for: click(x, y), in: ExplorerState(), size: size) == expected)
    }

    @Test func theClickedCellIsTheOneTheFrameShows() {
        // The input value drawn at (30, 8) is the impulse's 1, which sits at input cell (4, 4).
        let frame = render(ExplorerState(), size: size, colors: false)
        #expect(frame.lines[8].dropFirst(27).prefix(4) == "   1")
        #expect(ExplorerState().input[0, 4, 4, 0] == 1)
    }

    @Test func otherButtonsReleasesAndEmptyPlacesDoNothing() {
        let state = ExplorerState()
        #expect(action(for: click(52, 12, button: 3), in: state, size: size) == nil)
        #expect(action(for: MouseEvent(x: 52, y: 12, kind: .release), in: state, size: size) == nil)
        #expect(action(for: click(0, 0), in: state, size: size) == nil)
        #expect(action(for: click(10, 23), in: state, size: size) == nil)
        #expect(action(for: click(52, 12), in: state, size: Size(width: 40, height: 10)) == nil)
    }

    @Test func theWheelStepsThroughCellsOrScrollsTheHelp() {
        let wheelUp = MouseEvent(x: 5, y: 5, kind: .wheelUp), wheelDown = MouseEvent(x: 5, y: 5, kind: .wheelDown)
        #expect(action(for: wheelDown, in: ExplorerState(), size: size) == .step(.forward))
        #expect(action(for: wheelUp, in: ExplorerState(), size: size) == .step(.backward))
        let help = state(after: [.toggleHelp])
        #expect(action(for: wheelDown, in: help, size: size) == .scrollHelp(by: 3))
        #expect(action(for: click(52, 12), in: help, size: size) == nil)
        #expect(action(for: click(52, 12), in: state(after: [.openCommandLine]), size: size) == nil)
    }

    @Test func theFooterFollowsTheModeWithTheWayOutFirst() {
        #expect(ExplorerScreen.hints(for: .normal).first == KeyHint("q", "quit"))
        // The lesson's keys show only in a lesson, right after the way out.
        let lessonWords: Set = ["lesson", "answer", "page"]
        #expect(Set(ExplorerScreen.hints(for: .normal)) == Set(KeyBinding.footerHints.map { KeyHint($0.keys, $0.word) }
            .filter { !lessonWords.contains($0.label) }))
        #expect(ExplorerScreen.hints(for: .normal, inLesson: true).prefix(4).map(\.label) == ["quit", "lesson", "answer", "page"])
        #expect(Set(ExplorerScreen.hints(for: .normal, inLesson: true))
            == Set(KeyBinding.footerHints.map { KeyHint($0.keys, $0.word) }))
        #expect(ExplorerScreen.hints(for: .help).map(\.label) == KeyBinding.helpHints.map(\.word))
        #expect(ExplorerScreen.hints(for: .commandLine(CommandLineText())).map(\.key)
            == KeyBinding.commandLineHints.map(\.keys))
    }

    @Test func theMessageLineShowsTheMessageElseALegend() throws {
        let frame = render(ExplorerState(), size: size, colors: false)
        #expect(frame.lines[22].hasPrefix("Taps a–i: input cell × weight, summed into y[0,0]."))
        let moved = render(state(after: [.setKernelSize(Pair(2, 1)), .move(.down), .dismiss]), size: size, colors: false)
        #expect(moved.lines[22].hasPrefix("Taps a–b: input cell × weight, summed into y[1,0]."))
        let channels = try #require(try? ExplorerParameters(
            input: .double(Tensor(shape: [5, 5, 2], repeating: 1)), inputSource: .file(path: "x.npy"),
            kernel: KernelPreset.box.tensor(size: Pair(square: 3), channels: 2), kernelSource: .preset(.box)))
        var twoChannels = ExplorerState(parameters: channels)
        update(&twoChannels, .stepChannel(.forward))
        update(&twoChannels, .dismiss)
        #expect(render(twoChannels, size: size, colors: false).lines[22].contains("summed into y[0,0,1]."))
        let told = render(state(after: [.adjustRate(by: 1, axis: nil)]), size: size, colors: false)
        #expect(told.lines[22].hasPrefix("Rate 3."))
        let impossible = state(after: [.setPadding(.valid), .setRate(Pair(square: 5)), .dismiss])
        #expect(impossible.message == nil)
        #expect(render(impossible, size: size, colors: false).lines[22].allSatisfy { $0 == " " })
    }

    @Test func impossibleParametersKeepTheInputAndKernelAndExplainTheOutput() throws {
        let state = state(after: [.setPadding(.valid), .setRate(Pair(square: 5))])
        let error = try #require(state.configurationError)
        let text = render(state, size: size, colors: false).text
        #expect(text.contains("Input 9x9"))
        #expect(text.contains("Kernel 3x3 · rate 5 → footprint 11x11"))
        #expect(text.contains(NoOutputPanel.title))
        #expect(text.contains("error: " + error.description.prefix(40)))
        #expect(!text.contains("y["))
    }

    @Test func onlyTheOpenHelpIsDrawnAndItStartsAtTheTop() {
        let closed = render(ExplorerState(), size: size, colors: false).text
        #expect(!closed.contains("┌─ Keys"))
        let open = render(state(after: [.toggleHelp]), size: size, colors: false).lines
        #expect(open[1].contains("┌─ Keys") && open[2].contains("│ Move"))
        let scrolled = render(state(after: [.toggleHelp, .scrollHelp(by: HelpTopic.lineCount)]), size: size,
                              colors: false).lines
        #expect(scrolled[1].contains("↑ more") && !scrolled[21].contains("↓ more"))
        #expect(scrolled[20].contains("░▒▓█"), "the last page ends with the last mark")
    }

    @Test(arguments: [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 59, height: 30),
                      Size(width: 300, height: 100)])
    func everySizeGivesAFrameOfThatSize(size: Size) {
        for state in [ExplorerState(), state(after: [.toggleHelp]), state(after: [.setRate(Pair(square: 16))])] {
            #expect(render(state, size: size, colors: true).size == size)
        }
    }
}

struct CommandLinePromptTests {
    func prompt(_ text: String, cursor left: Int = 0, width: Int) -> CellBuffer {
        var line = CommandLineText(text)
        for _ in 0..<left { line.apply(.moveLeft) }
        return CellBuffer.rendering(CommandLinePrompt(line: line, palette: .monochrome), size: Size(width: width, height: 1))
    }

    @Test func theCursorIsAReversedCell() {
        let atEnd = prompt("rate 3", width: 12)
        #expect(atEnd.lines == [":rate 3     "])
        #expect((0..<12).filter { atEnd[$0, 0]?.style.reverse == true } == [7])
        let inside = prompt("rate 3", cursor: 2, width: 12)
        #expect((0..<12).filter { inside[$0, 0]?.style.reverse == true } == [5])
        #expect(inside[5, 0]?.character == " ")
    }

    @Test func aLongLineScrollsToKeepTheCursorInView() {
        let end = prompt("input checkerboard 16x16", width: 12)
        #expect(end.lines == ["…oard 16x16 "])
        #expect(end[11, 0]?.style.reverse == true)
        let start = prompt("input checkerboard 16x16", cursor: 24, width: 12)
        #expect(start.lines == [":input check"])
        #expect(start[1, 0]?.style.reverse == true)
    }
}

struct NoOutputPanelTests {
    @Test func saysWhyAndHowBack() {
        let panel = NoOutputPanel(reason: "The rate is too large for this input.", palette: .monochrome)
        expectPicture(CellBuffer.rendering(panel, size: Size(width: 24, height: 9)), """
        Output: none

        The rate is too large
        for this input.

        Change a parameter, or
        press u to undo the last
        change.

        """)
    }
}
