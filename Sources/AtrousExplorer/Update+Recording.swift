/// `:record FILE` … `:record stop`: the state says whether a recording is under way and where
/// it goes; the program captures the frames and writes the file.
extension ExplorerState {
    /// Asks the program to check the file and start; one recording at a time.
    mutating func startRecording(path: String, format: RecordingFormat) -> [ExplorerEffect] {
        if let recording {
            message = .error("Already recording to \(shown(recording.path)); type :record stop first.")
            return []
        }
        return [.startRecording(RecordingTarget(path: path, format: format, overwrite: false))]
    }

    mutating func recordingStarted(_ target: RecordingTarget) {
        recording = target
        message = .info("Recording to \(shown(target.path)) (\(target.format.displayName)); :record stop writes it.")
    }

    /// Ends the recording and asks the program to write it.
    mutating func stopRecording() -> [ExplorerEffect] {
        guard let target = recording else {
            message = .error("Nothing is being recorded; :record FILE.cast or FILE.svg starts a recording.")
            return []
        }
        recording = nil
        message = .info("Writing \(shown(target.path))…")
        return [.finishRecording(target)]
    }

    mutating func recordingWritten(path: String, frames: Int, milliseconds: Int) {
        let seconds = Double(milliseconds) / 1000
        message = .info("Wrote \(frames) frame\(frames == 1 ? "" : "s") (\(seconds.formatted1) s) to \(shown(path)).")
    }
}

extension Double {
    /// With one decimal, `12.3`.
    fileprivate var formatted1: String {
        let tenths = Int((self * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
