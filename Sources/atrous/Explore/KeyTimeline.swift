import AtrousExplorer
import AtrousExport
import AtrousRender

/// `atrous render`'s keys on a clock: each key one key delay after the step before, each
/// `<Wait …>` that much later, and playback ticking at its speed during the waits, as the
/// terminal loop ticks one beat after the last event. The frames can be kept as a recording.
///
/// Keys themselves take no time on the explorer's clock, only in the recording's: playback
/// steps during `<Wait …>` and not between keys, so the last frame is the same whatever the
/// key delay.
struct KeyTimeline {
    private(set) var driver: ExplorerDriver
    /// The recording of every frame, when asked for.
    private(set) var recording: Recording?
    let size: Size
    let colors: Bool
    /// Milliseconds between a step and the next key, and that the last frame holds.
    let keyDelay: Int
    /// Milliseconds from the start of the timeline.
    private(set) var now = 0

    /// A timeline from `driver`'s state, recording the frames when `records` is true.
    init(driver: ExplorerDriver, size: Size, colors: Bool, keyDelay: Int, records: Bool) {
        self.driver = driver
        self.size = size
        self.colors = colors
        self.keyDelay = keyDelay
        recording = records ? Recording(size: size) : nil
        capture()
    }

    /// Runs `steps` in order, until the end or a key that quits; the recording then ends one
    /// key delay after the last step.
    mutating func run(_ steps: [KeyStep]) {
        for step in steps where !driver.hasQuit {
            switch step {
            case let .key(key):
                now += keyDelay
                driver.performer.now = now
                driver.press(key)
                if !driver.hasQuit { capture() }
            case let .wait(milliseconds):
                wait(milliseconds)
            }
        }
        now += keyDelay
        recording?.end(at: now)
        driver.performer.now = now
    }

    /// Lets `milliseconds` pass: a tick every beat while the state plays.
    private mutating func wait(_ milliseconds: Int) {
        let end = now + milliseconds
        while driver.state.playback.isPlaying, !driver.hasQuit {
            let next = now + 1000 / max(driver.state.playback.stepsPerSecond, 1)
            guard next <= end else { break }
            now = next
            driver.performer.now = now
            driver.send(.tick)
            capture()
        }
        now = end
    }

    /// The frame the state shows now, kept in the recording and in a `:record` under way.
    private mutating func capture() {
        if recording != nil { recording?.append(render(driver.state, size: size, colors: colors), at: now) }
        if driver.state.recording != nil {
            driver.performer.recorder.capture(driver.state, colors: colors, at: now)
        }
    }
}
