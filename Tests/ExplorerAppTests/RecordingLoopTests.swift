@testable import atrous
import AtrousCore
import AtrousExplorer
import AtrousExport
import AtrousRender
import AtrousTerminal
import AtrousTestSupport
import Foundation
import Testing

/// `:record` through the whole program loop on the in-memory terminal, and `atrous render`'s
/// timeline: frames captured where they are drawn, the file written by the effect performer.
@Suite("Recording in the program loop")
struct RecordingLoopTests {
    let size = Size(width: 80, height: 24)

    func keys(_ notation: String) throws -> [InputEvent] {
        try KeyNotation.parse(notation).map(InputEvent.key)
    }

    /// Runs the loop on `notation`'s keys from the built-in example.
    func run(_ notation: String) throws -> (screen: MemoryScreen, state: ExplorerState) {
        let screen = MemoryScreen(size: size, events: try keys(notation))
        var app = ExplorerApp(screen: screen, colors: false, driver: ExplorerDriver(state: ExplorerState()))
        let state = try app.run()
        return (screen, state)
    }

    /// The screen after `notation`'s keys, as a recording shows it (no sign); worked out before
    /// the loop runs, while the file to record to does not exist yet.
    func recordedScreen(after notation: String) throws -> CellBuffer {
        var driver = ExplorerDriver(state: ExplorerState())
        for key in try KeyNotation.parse(notation) { driver.press(key) }
        return render(driver.state, size: size, colors: false, showsRecording: false)
    }

    @Test func recordStopWritesAnAsciicastOfTheFramesDrawnWithoutTheSignOrTheStopCommand() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("demo.cast")
        let expected = try recordedScreen(after: ":record \(path)<Enter>jjr")
        let (screen, state) = try run(":record \(path)<Enter>jjr:record stop<Enter>")
        #expect(state.recording == nil)
        #expect(state.message?.text.hasPrefix("Wrote 4 frames (") == true, "\(state.message?.text ?? "")")
        // While recording the status line shows the sign; the recording does not.
        let whileRecording = screen.frames.filter { $0.text.contains("● REC") }
        #expect(whileRecording.count == 1 + 3 + 12, "the start, j, j, r, and :record stop as it is typed")
        #expect(!(screen.lastFrame?.text.contains("● REC") ?? true))

        let cast = try AsciicastFile(String(decoding: directory.bytes("demo.cast") ?? [], as: UTF8.self))
        #expect(cast.header["version"] as? Int == 2 && cast.header["width"] as? Int == 80)
        #expect(cast.header["timestamp"] is Int)
        #expect(cast.events.count == 4 + 1)
        let screens = try cast.screens(height: 24)
        #expect(screens.allSatisfy { !$0.joined().contains("● REC") && !$0.joined().contains(":record stop") })
        #expect(screens[0].joined().contains("Recording to "))
        #expect(screens.last == expected.ansi.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        #expect(cast.events.map(\.time) == cast.events.map(\.time).sorted())
    }

    @Test func anSVGRecordingIsOneAnimatedPicture() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let expected = try recordedScreen(after: ":record \(directory.path("demo.svg"))<Enter>ll")
        let (_, state) = try run(":record \(directory.path("demo.svg"))<Enter>ll:record stop<Enter>")
        #expect(state.message?.text.hasPrefix("Wrote 3 frames (") == true, "\(state.message?.text ?? "")")
        let svg = try AnimatedSVGFile(String(decoding: directory.bytes("demo.svg") ?? [], as: UTF8.self))
        #expect(svg.screens.count == 3)
        #expect(svg.text(ofScreen: 2) == expected.text)
    }

    @Test func anExistingFileIsAskedAboutAndKeptOnNo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Array("old".utf8), to: "demo.cast")
        let path = directory.path("demo.cast")
        let (_, kept) = try run(":record \(path)<Enter>nj:record stop<Enter>")
        #expect(kept.recording == nil)
        #expect(kept.message?.kind == .error, "nothing was being recorded")
        #expect(directory.bytes("demo.cast") == Array("old".utf8))

        let (_, replaced) = try run(":record \(path)<Enter>yj:record stop<Enter>")
        #expect(replaced.message?.text.hasPrefix("Wrote 2 frames") == true, "\(replaced.message?.text ?? "")")
        #expect(try AsciicastFile(String(decoding: directory.bytes("demo.cast") ?? [], as: UTF8.self)).events.count == 3)
    }

    @Test func anUnwritablePlaceIsOneSentenceAndNothingStarts() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (_, state) = try run(":record \(directory.path("missing/demo.cast"))<Enter>")
        #expect(state.recording == nil)
        #expect(state.message?.kind == .error)
        #expect(state.message?.text.hasSuffix("does not exist.") == true, "\(state.message?.text ?? "")")
    }

    @Test func aResizeKeepsTheRecordingAtItsStartingSize() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let events = try keys(":record \(directory.path("demo.cast"))<Enter>") + [.resize(width: 100, height: 30)]
            + (try keys("j:record stop<Enter>"))
        let screen = MemoryScreen(size: size, events: events)
        var app = ExplorerApp(screen: screen, colors: false, driver: ExplorerDriver(state: ExplorerState()))
        try app.run()
        #expect(screen.lastFrame?.size == Size(width: 100, height: 30))
        let cast = try AsciicastFile(String(decoding: directory.bytes("demo.cast") ?? [], as: UTF8.self))
        #expect(cast.header["width"] as? Int == 80 && cast.header["height"] as? Int == 24)
        #expect(cast.events.count == 2 + 1, "the start and j; the resize alone changes nothing recorded")
    }

    @Test func quittingWhileRecordingWritesTheFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let screen = MemoryScreen(size: size, events: try keys(":record \(directory.path("demo.cast"))<Enter>jq"))
        var app = ExplorerApp(screen: screen, colors: false, driver: ExplorerDriver(state: ExplorerState()))
        try app.run()
        #expect(app.driver.reportsAtQuit.count == 1)
        #expect(app.driver.reportsAtQuit.first?.text.hasPrefix("Wrote 2 frames (") == true)
        let cast = try AsciicastFile(String(decoding: directory.bytes("demo.cast") ?? [], as: UTF8.self))
        #expect(cast.events.count == 2 + 1)
    }

    @Test func aStopSignalWhileRecordingWritesTheFileBeforeTheProgramEnds() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let screen = MemoryScreen(size: size, events: try keys(":record \(directory.path("demo.cast"))<Enter>j"))
        screen.send(.stop(StopSignal(number: SIGTERM)))
        var app = ExplorerApp(screen: screen, colors: false, driver: ExplorerDriver(state: ExplorerState()))
        #expect(throws: StopSignal.self) { try app.run() }
        #expect(app.driver.hasQuit)
        #expect(app.driver.reportsAtQuit.first?.text.hasPrefix("Wrote 2 frames (") == true)
        let cast = try AsciicastFile(String(decoding: directory.bytes("demo.cast") ?? [], as: UTF8.self))
        #expect(cast.events.count == 2 + 1)
    }

    @Test func theTimelineTicksDuringWaitsAtThePlaybackSpeed() throws {
        var timeline = KeyTimeline(driver: ExplorerDriver(state: ExplorerState()), size: size, colors: false,
                                   keyDelay: 100, records: true)
        timeline.run(try KeyNotation.steps("<Space>+<Wait 1s>j<Wait 600ms>"))
        let recording = try #require(timeline.recording)
        // Space at 100, + at 200, then 4 steps per second: ticks at 450, 700, 950, 1200; j at 1300;
        // ticks at 1550, 1800; the pause ends at 1900 and the last frame holds to 2000.
        #expect(recording.frames.map(\.milliseconds) == [0, 100, 200, 450, 700, 950, 1200, 1300, 1550, 1800])
        #expect(recording.duration == 2000)
        #expect(recording.lastScreen == render(timeline.driver.state, size: size, colors: false))
        #expect(timeline.driver.state.positionNumber == 1 + 4 + 9 + 2, "four ticks, j one row down, two ticks")
    }
}
