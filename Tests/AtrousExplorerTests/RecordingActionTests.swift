import Testing
@testable import AtrousExplorer

/// `:record FILE` … `:record stop` at the level of the state: which effects are asked for and
/// what the user sees. The frames and the file belong to the program loop.
@Suite("Recording in the explorer")
struct RecordingActionTests {
    static func command(_ line: String, from start: ExplorerState = ExplorerState()) -> ([ExplorerEffect], ExplorerState) {
        ExportActionTests.command(line, from: start)
    }

    /// A state recording to `path`, as after the program checked the file.
    static func recording(_ path: String = "demo.cast") -> ExplorerState {
        let (effects, state) = command("record \(path)")
        guard case let .startRecording(target) = effects.first else { return state }
        return stateAfter([.recordingStarted(target)], from: state)
    }

    @Test("the extension chooses the format, and the file is checked before anything is captured", arguments: [
        ("record demo.cast", RecordingTarget(path: "demo.cast", format: .cast, overwrite: false)),
        ("rec slides/Rate 2.SVG", RecordingTarget(path: "slides/Rate 2.SVG", format: .svg, overwrite: false)),
    ])
    func startAsksForTheFile(line: String, target: RecordingTarget) {
        let (effects, state) = Self.command(line)
        #expect(effects == [.startRecording(target)])
        #expect(state.recording == nil, "not before the program has checked the file")
        let started = stateAfter([.recordingStarted(target)], from: state)
        #expect(started.recording == target)
        #expect(started.message?.text.hasPrefix("Recording to ") == true)
        #expect(started.message?.text.hasSuffix(":record stop writes it.") == true)
    }

    @Test("an extension that is no recording format is one sentence", arguments: ["demo.gif", "demo", "stop.txt"])
    func badExtension(path: String) {
        let (effects, state) = Self.command("record \(path)")
        #expect(effects.isEmpty)
        #expect(state.message == .error(CommandError.unknownRecordingFormat(path).description))
        #expect(state.message?.text.hasPrefix("Cannot tell how to record to '\(path)'; name a .cast file") == true)
    }

    @Test func stopAsksForTheWriteAndEndsTheSign() {
        let (effects, state) = Self.command("record stop", from: Self.recording())
        #expect(effects == [.finishRecording(RecordingTarget(path: "demo.cast", format: .cast, overwrite: false))])
        #expect(state.recording == nil)
        let written = stateAfter([.recordingWritten(path: "demo.cast", frames: 12, milliseconds: 4_250)], from: state)
        #expect(written.message == .info("Wrote 12 frames (4.3 s) to demo.cast."))
    }

    @Test func stopWithoutARecordingAndASecondStartAreRefused() {
        let (stopEffects, stopped) = Self.command("record stop")
        #expect(stopEffects.isEmpty)
        #expect(stopped.message?.kind == .error)
        #expect(stopped.message?.text == "Nothing is being recorded; :record FILE.cast or FILE.svg starts a recording.")
        let (effects, state) = Self.command("record other.svg", from: Self.recording())
        #expect(effects.isEmpty)
        #expect(state.recording?.path == "demo.cast")
        #expect(state.message == .error("Already recording to demo.cast; type :record stop first."))
    }

    @Test func quittingWritesTheRecordingFirst() {
        var state = Self.recording()
        let effects = update(&state, .quit)
        #expect(effects == [.finishRecording(RecordingTarget(path: "demo.cast", format: .cast, overwrite: false)), .quit])
        var idle = ExplorerState()
        #expect(update(&idle, .quit) == [.quit])
    }

    @Test("an existing file is asked about, and yes allows replacing it at the start and at the end")
    func overwriteQuestion() {
        let target = RecordingTarget(path: "demo.svg", format: .svg, overwrite: false)
        var state = stateAfter([.fileExists(path: "demo.svg", retry: .startRecording(target))])
        #expect(state.message == .info("demo.svg exists; overwrite? (y/n)"))
        var allowed = target
        allowed.overwrite = true
        #expect(update(&state, .answerOverwrite(true)) == [.startRecording(allowed)])
        #expect(ExplorerEffect.finishRecording(target).overwriting == .finishRecording(allowed))
        var declined = stateAfter([.fileExists(path: "demo.svg", retry: .startRecording(target))])
        #expect(update(&declined, .answerOverwrite(false)).isEmpty)
        #expect(declined.recording == nil)
    }

    @Test func theFormatComesFromTheLastExtension() {
        #expect(RecordingFormat(path: "a.svg.cast") == .cast)
        #expect(RecordingFormat(path: "dir.svg/a") == nil)
        #expect(RecordingFormat(path: ".cast") == nil)
        #expect(RecordingFormat(path: "A.CAST") == .cast)
    }
}
