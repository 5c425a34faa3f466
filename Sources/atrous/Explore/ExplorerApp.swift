import AtrousExplorer
import AtrousExport
import AtrousRender
import AtrousTerminal
import Foundation

/// The explorer's program loop on any terminal: read an event, turn it into an action, update
/// the state (performing effects), render the state, draw the frame.
///
/// It knows the terminal only through `TerminalScreen`, so tests run the whole loop on a
/// `MemoryScreen` with scripted events. While the state plays, the loop waits at most one
/// beat (`1000 / steps per second` milliseconds) and then sends `.tick`; otherwise it blocks
/// until the next event.
struct ExplorerApp<Screen: TerminalScreen> {
    let screen: Screen
    /// The colour palette when true, else the monochrome one.
    let colors: Bool
    private(set) var driver: ExplorerDriver
    /// The loop's clock, which times the frames of a `:record`.
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant

    init(screen: Screen, colors: Bool, driver: ExplorerDriver) {
        self.screen = screen
        self.colors = colors
        self.driver = driver
        self.driver.performer.colors = colors
        if self.driver.performer.wallClock == nil {
            self.driver.performer.wallClock = { Int(Date().timeIntervalSince1970) }
        }
        started = clock.now
    }

    var state: ExplorerState { driver.state }

    /// Draws the first frame, then handles events until the state asks to quit or the input
    /// ends.
    ///
    /// - Returns: the final state.
    /// - Throws: what the screen throws (`StopSignal` when a stop signal arrived, after the
    ///   state has quit).
    @discardableResult
    mutating func run() throws -> ExplorerState {
        draw()
        do {
            while !driver.hasQuit, let event = try screen.nextEvent(timeoutMilliseconds: beatMilliseconds) {
                if let action = action(for: event) { send(action) }
                if !driver.hasQuit { draw() }
            }
        } catch let signal as StopSignal {
            // A stop signal ends the program as quitting does: a recording under way is
            // written rather than lost, and its report joins `reportsAtQuit`.
            send(.quit)
            throw signal
        }
        return driver.state
    }

    /// Sends `action` to the driver at the screen's size and the loop's time.
    private mutating func send(_ action: ExplorerAction) {
        driver.performer.screenSize = screen.size
        driver.performer.now = milliseconds
        driver.send(action)
    }

    /// How long to wait for an event before the next `.tick`: one beat while playing, else
    /// nil (wait for an event however long it takes).
    var beatMilliseconds: Int? {
        state.playback.isPlaying ? 1000 / max(state.playback.stepsPerSecond, 1) : nil
    }

    /// What an event asks for: keys through the key map, mouse events through the mouse map
    /// on the frame as drawn at the screen's size; a resize needs only the next frame.
    func action(for event: InputEvent) -> ExplorerAction? {
        switch event {
        case let .key(key): AtrousExplorer.action(for: key, in: state, screenRows: screen.size.height)
        case let .mouse(mouse): AtrousRender.action(for: mouse, in: state, size: screen.size)
        case .resize: nil
        case .tick: .tick
        }
    }

    /// Draws the state, and captures the frame while `:record` records.
    private mutating func draw() {
        screen.draw(render(state, size: screen.size, colors: colors))
        if state.recording != nil { driver.performer.recorder.capture(state, colors: colors, at: milliseconds) }
    }

    /// Milliseconds since the loop was made.
    private var milliseconds: Int {
        let elapsed = clock.now - started
        return Int(elapsed.components.seconds) * 1000 + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
