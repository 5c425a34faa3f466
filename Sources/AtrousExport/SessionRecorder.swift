import AtrousExplorer
import AtrousRender

/// The frames of a `:record` under way, captured where frames are drawn: the terminal loop
/// after each event, `atrous render` after each key and tick.
///
/// Frames are rendered again at the size the recording started with and without the `● REC`
/// sign, so a recording is the same size throughout and shows the explorer, not the
/// recorder. A frame equal to the one before adds nothing. The command line that typed
/// `:record stop` is left out: the recording ends on the screen from before its `:`.
public struct SessionRecorder {
    private enum Phase {
        case idle
        /// Capturing since `start` (milliseconds on the loop's clock); `typingFrom` is the
        /// first of the last frames drawn with the command line open, if the last one was.
        case recording(Recording, start: Int, typingFrom: Int?)
        /// Stopped, and waiting to be written (again, after "overwrite?").
        case finished(Recording)
    }

    private var phase = Phase.idle

    public init() {}

    /// Starts a new recording of a terminal of `size`, dropping any unwritten one.
    public mutating func start(size: Size, at milliseconds: Int) {
        phase = .recording(Recording(size: size), start: milliseconds, typingFrom: nil)
    }

    /// Adds the screen `state` shows, if a recording is under way and the screen changed.
    public mutating func capture(_ state: ExplorerState, colors: Bool, at milliseconds: Int) {
        guard case .recording(var recording, let start, var typingFrom) = phase, state.recording != nil else { return }
        let screen = render(state, size: recording.size, colors: colors, showsRecording: false)
        guard screen != recording.lastScreen else { return }
        recording.append(screen, at: milliseconds - start)
        if state.mode.commandLine == nil {
            typingFrom = nil
        } else if typingFrom == nil {
            typingFrom = recording.frames.count - 1
        }
        phase = .recording(recording, start: start, typingFrom: typingFrom)
    }

    /// Stops capturing and returns the recording to write: kept until ``written()``, so a
    /// write that must first ask about an existing file can be done again. `state` gives the
    /// one frame of a recording that captured none.
    public mutating func finish(_ state: ExplorerState, colors: Bool, at milliseconds: Int) -> Recording? {
        switch phase {
        case .idle:
            return nil
        case let .finished(recording):
            return recording
        case .recording(var recording, let start, let typingFrom):
            if let typingFrom, typingFrom > 0 {
                while recording.frames.count > typingFrom { recording.dropLast() }
            } else {
                if recording.frames.isEmpty {
                    recording.append(render(state, size: recording.size, colors: colors, showsRecording: false), at: 0)
                }
                recording.end(at: milliseconds - start)
            }
            phase = .finished(recording)
            return recording
        }
    }

    /// Forgets the finished recording once its file is written.
    public mutating func written() {
        phase = .idle
    }
}
