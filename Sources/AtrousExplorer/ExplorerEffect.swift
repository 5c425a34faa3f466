/// A side effect that ``update(_:_:)`` asks the program loop to perform. This module only
/// describes it; AtrousExport's `EffectPerformer` performs it and the loop feeds the result
/// back as an action: ``ExplorerAction/inputLoaded(_:path:)`` or
/// ``ExplorerAction/loadFailed(message:)`` for a load, ``ExplorerAction/sessionOpened(_:path:)``
/// for a session, ``ExplorerAction/exported(_:paths:)`` or ``ExplorerAction/fileExists(path:retry:)``
/// for an export, and ``ExplorerAction/failed(message:)`` when it cannot be done.
public enum ExplorerEffect: Sendable, Hashable {
    /// Restore the terminal and exit.
    case quit
    /// Read the array at `path` (`.npy` or `.csv`) as the new input.
    case loadInput(path: String)
    /// Read the array at `path` as the new kernel; the result comes back as
    /// ``ExplorerAction/kernelLoaded(_:path:)``.
    case loadKernel(path: String)
    /// Read the array at `path` as a user's output to compare (`:actual`).
    case loadActual(path: String)
    /// Read the session at `path` and reopen the state it saved (`ExplorerSession.load(path:)`).
    case openSession(path: String)
    /// Write `kind` to `path` (and the files that go with it), atomically. Unless `overwrite`
    /// is true, an existing file is left alone and reported with
    /// ``ExplorerAction/fileExists(path:retry:)``, so nothing is ever overwritten silently.
    case export(ExportKind, path: String, overwrite: Bool)
    /// Check that the recording's file can be written (asking before replacing one, as an
    /// export does), then capture every frame drawn from now on; reported with
    /// ``ExplorerAction/recordingStarted(_:)``.
    case startRecording(RecordingTarget)
    /// Stop capturing and write the frames to the target, atomically; reported with
    /// ``ExplorerAction/recordingWritten(path:frames:milliseconds:)``.
    case finishRecording(RecordingTarget)

    /// The same effect allowed to overwrite, for the answer yes to "overwrite?".
    public var overwriting: ExplorerEffect {
        switch self {
        case let .export(kind, path, _):
            return .export(kind, path: path, overwrite: true)
        case var .startRecording(target):
            target.overwrite = true
            return .startRecording(target)
        case var .finishRecording(target):
            target.overwrite = true
            return .finishRecording(target)
        case .quit, .loadInput, .loadKernel, .loadActual, .openSession:
            return self
        }
    }
}
