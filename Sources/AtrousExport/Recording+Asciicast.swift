import AtrousIO
import AtrousRender

/// A recording as an asciicast v2 file, which asciinema plays in a terminal or a web page.
extension Recording {
    /// The asciicast v2 text: a header line (`version` 2, `width`, `height`, `duration`, the
    /// terminal type, and `timestamp` and `title` when given), then one `[seconds, "o", text]`
    /// event per frame and an empty one at the end, so a player holds the last frame until
    /// the recording's end.
    ///
    /// The first event hides the cursor, clears the screen and draws every row; each later
    /// one redraws only the rows that changed, each from its first column after erasing it, so
    /// no row ever wraps or scrolls. A row is the ANSI text of ``CellBuffer/ansi``, whose
    /// colour codes start and end plain, so replaying the events in a terminal of the
    /// recording's size reproduces each screen exactly.
    ///
    /// - Parameters:
    ///   - timestamp: when the recording began, in seconds since 1970, or nil to leave it out.
    ///   - title: the recording's title, or nil.
    public func asciicast(timestamp: Int? = nil, title: String? = nil) -> String {
        var header: [(key: String, value: JSONValue)] = [
            ("version", .number(2)), ("width", .number(size.width)), ("height", .number(size.height)),
        ]
        if let timestamp { header.append(("timestamp", .number(timestamp))) }
        header.append(("duration", .number(Recording.seconds(duration))))
        if let title { header.append(("title", .string(title))) }
        header.append(("env", .object([("TERM", .string("xterm-256color"))])))
        var lines = [JSONWriter.line(.object(header))]
        // Each distinct row as ANSI text once: a line of `ansi` depends on its own cells only.
        let ansiRows = rows.map { CellBuffer(row: $0).ansi }
        var shown: [Int]?
        for frame in frames {
            var output = shown == nil ? Self.start : ""
            for (y, row) in frame.rows.enumerated() where shown?[y] != row {
                output += "\u{1B}[\(y + 1);1H\u{1B}[2K" + ansiRows[row]
            }
            shown = frame.rows
            lines.append(Self.event(frame.milliseconds, output))
        }
        lines.append(Self.event(duration, ""))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Plain colours, the cursor hidden, the screen cleared.
    static let start = "\u{1B}[0m\u{1B}[?25l\u{1B}[2J"

    /// One output event.
    private static func event(_ milliseconds: Int, _ text: String) -> String {
        JSONWriter.line(.array([.number(seconds(milliseconds)), .string("o"), .string(text)]))
    }
}
