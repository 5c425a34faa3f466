@testable import atrous
import AtrousCore
import AtrousExplorer
import AtrousExport
import AtrousRender
import AtrousTerminal
import Testing

/// The whole program loop on the in-memory terminal: scripted keys, mouse and resizes go in,
/// frames and the final state come out.
@Suite("The explorer's program loop")
struct ExplorerLoopTests {
    let size = Size(width: 80, height: 24)

    /// Runs the loop on `events` from the built-in example and returns the screen and the final state.
    func run(_ events: [InputEvent], size: Size? = nil,
             state: ExplorerState = ExplorerState()) throws -> (screen: MemoryScreen, state: ExplorerState) {
        let screen = MemoryScreen(size: size ?? self.size, events: events)
        var app = ExplorerApp(screen: screen, colors: false, driver: ExplorerDriver(state: state))
        let final = try app.run()
        return (screen, final)
    }

    func keys(_ notation: String) throws -> [InputEvent] {
        try KeyNotation.parse(notation).map(InputEvent.key)
    }

    @Test func typedKeysChangeTheStateAndEveryFrameShowsIt() throws {
        let (screen, state) = try run(try keys("rrjl:stride 2<Enter>"))
        #expect(state.spec.rate == Pair(square: 4))
        #expect(state.spec.stride == Pair(square: 2))
        #expect(state.position == GridPosition(row: 1, column: 1))
        // The first frame before any key, then one per key.
        #expect(screen.frames.count == 1 + 14)
        #expect(screen.frames.first == render(ExplorerState(), size: size, colors: false))
        #expect(screen.lastFrame == render(state, size: size, colors: false))
        #expect(screen.display == screen.lastFrame, "the diffs drawn add up to the last frame")
        #expect(screen.lastFrame?.text.contains("rate 4") == true)
    }

    @Test func quitEndsTheLoopAndLaterKeysAreNotRead() throws {
        let (screen, state) = try run(try keys("rqrr"))
        #expect(state.spec.rate == Pair(square: 3))
        #expect(screen.frames.count == 2, "no frame after q")
        #expect(screen.requestedTimeouts.count == 2, "q was the last event read")
    }

    @Test func theEndOfInputEndsTheLoop() throws {
        let (screen, state) = try run([])
        #expect(state == ExplorerState())
        #expect(screen.frames.count == 1)
    }

    @Test func aClickOnTheOutputSelectsThatCell() throws {
        // Output cell (2, 3) is drawn at column 63, row 11 of the 80x24 frame.
        let click = InputEvent.mouse(MouseEvent(x: 63, y: 11, kind: .press(button: 1)))
        let (_, state) = try run([click])
        #expect(state.position == GridPosition(row: 2, column: 3))
        let (_, picked) = try run([.mouse(MouseEvent(x: 30, y: 8, kind: .press(button: 1)))])
        #expect(picked.inputReach?.input == GridPosition(row: 4, column: 4))
    }

    @Test func aResizeRedrawsAtTheNewSizeAndATinyTerminalSaysSo() throws {
        let (screen, _) = try run([.resize(width: 20, height: 6), .resize(width: 100, height: 30)])
        #expect(screen.frames.map(\.size) == [size, Size(width: 20, height: 6), Size(width: 100, height: 30)])
        #expect(screen.frames[1].text.contains("Terminal too small"))
        #expect(screen.display == render(ExplorerState(), size: Size(width: 100, height: 30), colors: false))
    }

    @Test func playingWaitsOneBeatPerStepThenTicksAdvanceTheCell() throws {
        let (screen, state) = try run(try keys("<Space>") + [.tick, .tick] + (try keys("+")) + [.tick]
            + (try keys("<Space>")))
        #expect(state.positionNumber == 4)
        #expect(!state.playback.isPlaying)
        // Blocking before play, 2 steps per second while playing, 4 after +, blocking after pause.
        #expect(screen.requestedTimeouts == [nil, 500, 500, 500, 250, 250, nil])
    }

    @Test func aStopSignalPropagatesAfterTheLastFrame() throws {
        let screen = MemoryScreen(size: size, events: try keys("r"))
        screen.send(.stop(StopSignal(number: 15)))
        var app = ExplorerApp(screen: screen, colors: false, driver: ExplorerDriver(state: ExplorerState()))
        #expect(throws: StopSignal(number: 15)) { try app.run() }
        #expect(app.state.spec.rate == Pair(square: 3))
    }

    @Test func colorsChooseThePalette() throws {
        let screen = MemoryScreen(size: size)
        var app = ExplorerApp(screen: screen, colors: true, driver: ExplorerDriver(state: ExplorerState()))
        try app.run()
        #expect(screen.lastFrame == render(ExplorerState(), size: size, colors: true))
        #expect(screen.lastFrame?.cells.contains { $0.style.foreground != .default } == true)
    }
}
