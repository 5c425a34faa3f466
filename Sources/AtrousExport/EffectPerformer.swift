import AtrousCore
import AtrousExplorer
import AtrousIO
import AtrousRender

/// Performs the side effects that `update` asks for and reports each result as actions.
///
/// The one place where the explorer touches the outside world: loading inputs, kernels and
/// outputs to compare, opening sessions and every export (through ``FileEffects``). The
/// program loop, `atrous render` and the tests share it, through ``ExplorerDriver``; each new
/// kind of effect gets its case here.
public struct EffectPerformer {
    /// Whether `-` may name standard input; not while standard input is the keyboard.
    public var readsStandardInput: Bool
    /// The size and palette of the screen a screen capture shows: the terminal's, or
    /// `atrous render`'s `--size`.
    public var screenSize: Size
    public var colors: Bool
    /// The frames of a `:record` under way; whoever draws frames captures them here.
    public var recorder = SessionRecorder()
    /// The time now, in milliseconds on the clock of whoever runs the loop (the wall clock, or
    /// `atrous render`'s timeline), for the recording's start and end.
    public var now = 0
    /// When the recording began, in seconds since 1970, for an asciicast's header; nil leaves
    /// it out (`atrous render` writes the same file every time).
    public var wallClock: (() -> Int)?
    /// The wall clock's reading when the recording under way began.
    private var timestamp: Int?

    public init(readsStandardInput: Bool = false, screenSize: Size = Size(width: 80, height: 24), colors: Bool = true) {
        self.readsStandardInput = readsStandardInput
        self.screenSize = screenSize
        self.colors = colors
    }

    /// Performs `effect`, asked for by the action that led to `state`, and returns the actions
    /// that tell the state how it went.
    ///
    /// `.quit` is not performed here: ending the program belongs to whoever runs the loop,
    /// which checks for it first (see ``ExplorerDriver``).
    public mutating func perform(_ effect: ExplorerEffect, state: ExplorerState) -> [ExplorerAction] {
        switch effect {
        case .quit:
            return []
        case .openSession, .export:
            // The screen is rendered after the action, so a menu the choice closed is not in it.
            let subject = ExportSubject(state: state, screen: render(state, size: screenSize, colors: colors),
                                        pathCounts: state.stack.analysis?.pathCounts)
            return FileEffects.perform(effect, subject: subject) ?? []
        case let .startRecording(target):
            return startRecording(target, retry: effect)
        case let .finishRecording(target):
            return finishRecording(target, state: state, retry: effect)
        case let .loadInput(path):
            return load(path) { .inputLoaded($0, path: path) }
        case let .loadKernel(path):
            return load(path) { .kernelLoaded($0.doubles, path: path) }
        case let .loadActual(path):
            return load(path) { .actualLoaded($0.doubles, path: path) }
        }
    }

    /// Checks the recording's file as an export checks its own (asking before replacing one),
    /// then starts capturing.
    private mutating func startRecording(_ target: RecordingTarget, retry: ExplorerEffect) -> [ExplorerAction] {
        do {
            guard target.path != StandardStream.path else { throw ExportError.standardOutput }
            try OutputFile.ensureWritable(path: target.path, overwrite: target.overwrite)
        } catch IOError.outputExists {
            return [.fileExists(path: target.path, retry: retry)]
        } catch {
            return [.failed(message: "\(error)")]
        }
        recorder.start(size: screenSize, at: now)
        timestamp = wallClock?()
        return [.recordingStarted(target)]
    }

    /// Writes the recording atomically; a file that appeared since the start is asked about.
    private mutating func finishRecording(_ target: RecordingTarget, state: ExplorerState,
                                          retry: ExplorerEffect) -> [ExplorerAction] {
        guard let recording = recorder.finish(state, colors: colors, at: now) else {
            return [.failed(message: "Nothing was recorded.")]
        }
        do {
            try RecordingFile.write(recording, format: target.format, to: target.path, overwrite: target.overwrite,
                                    timestamp: timestamp)
        } catch IOError.outputExists {
            return [.fileExists(path: target.path, retry: retry)]
        } catch {
            recorder.written()
            return [.failed(message: error.description)]
        }
        recorder.written()
        return [.recordingWritten(path: target.path, frames: recording.frames.count, milliseconds: recording.duration)]
    }

    /// The array in `path` reported by `loaded`, or the one sentence why it cannot be read.
    private func load(_ path: String, _ loaded: (AnyTensor) -> ExplorerAction) -> [ExplorerAction] {
        do {
            return [loaded(try readArray(path))]
        } catch {
            return [.loadFailed(message: error.description)]
        }
    }

    /// The array in `path` in the float type the file holds: an input stays float32 when it
    /// came as float32, a kernel or an actual output is widened where it is read.
    public func readArray(_ path: String) throws(ExplorerFileError) -> AnyTensor {
        guard path != StandardStream.path || readsStandardInput else { throw .standardInputIsTheKeyboard }
        do {
            return try ArrayFile.read(path: path)
        } catch {
            throw .unreadable(error)
        }
    }
}

/// Why the explorer could not read a file. Each description is one sentence.
public enum ExplorerFileError: Error, Equatable, CustomStringConvertible {
    /// `-` asked for standard input, which carries the explorer's keys.
    case standardInputIsTheKeyboard
    case unreadable(IOError)

    public var description: String {
        switch self {
        case .standardInputIsTheKeyboard:
            "The explorer reads its keys from standard input, so it cannot read an array there; name a file."
        case let .unreadable(error):
            error.description
        }
    }
}
