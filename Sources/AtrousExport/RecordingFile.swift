import AtrousExplorer
import AtrousIO
import AtrousRender

/// Writing a recording: `atrous render --format cast`, `--format svg --animate` and `:record`.
public enum RecordingFile {
    /// The file's text in `format`.
    public static func text(_ recording: Recording, format: RecordingFormat, timestamp: Int? = nil) -> String {
        switch format {
        case .cast: recording.asciicast(timestamp: timestamp, title: "atrous")
        case .svg: recording.animatedSVG()
        }
    }

    /// Writes `recording` to `path` in `format`, atomically (`-` is standard output).
    /// - Throws: ``IOError`` when the file exists and `overwrite` is false, or the system refuses.
    public static func write(_ recording: Recording, format: RecordingFormat, to path: String, overwrite: Bool,
                             timestamp: Int? = nil) throws(IOError) {
        try OutputFile.write(Array(text(recording, format: format, timestamp: timestamp).utf8), to: path,
                             overwrite: overwrite)
    }
}
