import AtrousTestSupport
import Foundation
import Testing

/// `atrous render --format cast` and `--format svg --animate`: recordings that parse, hold a
/// frame per key, keep the timing of `<Wait …>`, and end on the frame `render` prints.
@Suite("atrous render recordings")
struct RenderRecordingTests {
    func render(_ arguments: [String]) throws -> ProcessResult {
        try AtrousBinary.run(["render"] + arguments)
    }

    /// Three moves, a pause, play with a pause, and a command: frames for keys and for ticks.
    let keys = "jl<Wait 1s>r<Space><Wait 1200ms>:rate 3<Enter>"
    /// The keys pressed: j l r Space, then `:rate 3` and Enter.
    let keyCount = 4 + 8

    @Test("an asciicast has a v2 header, a frame per key and tick, and ends on render's frame")
    func asciicast() throws {
        let result = try render(["--keys", keys, "--format", "cast", "--key-delay", "250ms"])
        #expect(result.status == 0, "\(result.standardError)")
        let cast = try AsciicastFile(result.output)
        #expect(cast.header["version"] as? Int == 2)
        #expect(cast.header["width"] as? Int == 80)
        #expect(cast.header["height"] as? Int == 24)
        #expect((cast.header["env"] as? [String: String])?["TERM"] == "xterm-256color")
        // The first frame, one per key, two ticks at 2 steps per second in the 1.2 s pause, and
        // the empty event that holds the last frame.
        #expect(cast.events.count == 1 + keyCount + 2 + 1)
        #expect(cast.events.allSatisfy { $0.type == "o" })
        let times = cast.events.map(\.time)
        #expect(times == times.sorted())
        // j at 0.25, l at 0.5, the 1 s pause, r at 1.75, Space at 2.0, ticks at 2.5 and 3.0,
        // the rest of the pause to 3.2, then `:` at 3.45.
        #expect(Array(times.prefix(8)) == [0, 0.25, 0.5, 1.75, 2.0, 2.5, 3.0, 3.45])
        // Eight keys after the pause, 0.25 s apart, and the last frame held 0.25 s.
        #expect(times.last == 5.45)
        #expect(cast.header["duration"] as? Double == times.last)
        #expect(cast.events.last?.data == "")

        let screens = try cast.screens(height: 24)
        let ansi = try render(["--keys", keys, "--format", "ansi"])
        let expected = ansi.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(screens.last == expected, "the rows drawn add up to render's frame")
        let first = try render(["--format", "ansi"]).output
        #expect(screens.first == first.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
        // The ticks moved the current cell: the frames after them differ.
        #expect(screens[5] != screens[4] && screens[6] != screens[5])
    }

    @Test("an animated SVG is XML with a keyframe per frame, rows drawn once, and render's last frame")
    func animatedSVG() throws {
        let result = try render(["--keys", keys, "--format", "svg", "--animate"])
        #expect(result.status == 0, "\(result.standardError)")
        let svg = try AnimatedSVGFile(result.output)
        #expect(svg.width == 720 && svg.height == 432)
        let keyframes = svg.keyframes
        // The first frame, one per key, two ticks, and the 100% that holds the last.
        #expect(keyframes.count == 1 + keyCount + 2 + 1)
        let duration = try #require(svg.duration)
        // Keys 0.3 s apart by default: the pauses end at 1.6 s and 3.4 s, then eight keys and the hold.
        #expect(duration == 6.1)
        // The pause shows in the timeline: l at 0.6 s, then r 1.3 s later.
        #expect(abs(keyframes[2].percent - 0.6 / 6.1 * 100) < 0.001)
        #expect(abs(keyframes[3].percent - 1.9 / 6.1 * 100) < 0.001)
        #expect(keyframes.last?.percent == 100)
        #expect(keyframes.allSatisfy { $0.offset % 720 == 0 && $0.offset <= 0 })
        // Typing `:rate 3` changes only the bottom rows: the screens share most rows.
        #expect(svg.screens.count <= keyframes.count - 1)
        #expect(svg.rows.count < svg.screens.count * 24 / 2)
        #expect(!result.output.contains("<script"))

        let last = try #require(keyframes.last).offset / -720
        let text = try render(["--keys", keys, "--format", "text"]).output
        #expect(svg.text(ofScreen: last) + "\n" == text)
        #expect(svg.text(ofScreen: 0) + "\n" == (try render([])).output)
    }

    @Test("without --animate an SVG is the last frame; waits in other formats only let time pass")
    func stillFormats() throws {
        let animated = try render(["--keys", "<Space><Wait 2s>"])
        #expect(animated.status == 0, "\(animated.standardError)")
        #expect(animated.output.contains("cell 5/81"), "four ticks at 2 steps per second")
        let still = try render(["--keys", "jj", "--format", "svg"])
        #expect(still.output.contains("<svg") && !still.output.contains("@keyframes"))
    }

    @Test("bad input is refused with one sentence and no file", arguments: [
        (["--format", "gif"], "The value 'gif' is invalid for '--format <format>'"),
        (["--format", "cast", "--animate"], "--animate makes an animated SVG and needs --format svg; --format cast is a recording already."),
        (["--format", "ansi", "--animate"], "--animate makes an animated SVG and needs --format svg."),
        (["--format", "cast", "--output", "FILE.svg"], "whose extension is for --format svg; name it .cast or pass --format svg."),
        (["--format", "svg", "--animate", "--output", "FILE.cast"], "whose extension is for --format cast"),
        (["--keys", "j<Wait 5 minutes>", "--format", "cast"], "Cannot use --keys 'j<Wait 5 minutes>': cannot read the pause <Wait 5 minutes>; write <Wait 500ms> or <Wait 2s>, at most an hour."),
        (["--format", "cast", "--key-delay", "0s"], "Cannot use --key-delay 0s: write a time from 1ms to an hour, such as 300ms or 1.5s."),
        (["--format", "cast", "--output", "MISSING/x.cast"], "does not exist."),
    ])
    func badInput(arguments: [String], message: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try render(arguments.map {
            $0.replacingOccurrences(of: "FILE", with: directory.path("f")).replacingOccurrences(of: "MISSING", with: directory.path("missing"))
        })
        #expect(result.status != 0)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(try directory.contents().isEmpty)
    }

    @Test("an existing recording is replaced only with --force")
    func existingFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Array("old".utf8), to: "a.cast")
        let refused = try render(["--keys", "j", "--format", "cast", "--output", directory.path("a.cast")])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("already exists; pass --force to overwrite it."), "\(refused.standardError)")
        #expect(directory.bytes("a.cast") == Array("old".utf8))
        let forced = try render(["--keys", "j", "--format", "cast", "--output", directory.path("a.cast"), "--force"])
        #expect(forced.status == 0, "\(forced.standardError)")
        let cast = try AsciicastFile(String(decoding: directory.bytes("a.cast") ?? [], as: UTF8.self))
        #expect(cast.events.count == 3)
    }
}
