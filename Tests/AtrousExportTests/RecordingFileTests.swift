import AtrousExplorer
import AtrousExport
import AtrousIO
import AtrousRender
import AtrousTestSupport
import Testing

/// The two encodings of a recording, on recordings built cell by cell.
@Suite("Recording files")
struct RecordingFileTests {
    let size = Size(width: 6, height: 3)

    /// Screens of 6x3 from lines of text; the middle row of the second is bold.
    func recording() -> Recording {
        var recording = Recording(size: size)
        recording.append(CellBuffer(lines: ["ab", "", "cd"], width: 6), at: 0)
        var second = CellBuffer(lines: ["ab", "x < &", "cd"], width: 6)
        second.setStyle(Style(bold: true), in: Rect(x: 0, y: 1, width: 6, height: 1))
        recording.append(second, at: 1500)
        recording.append(CellBuffer(lines: ["ab", "", "cd"], width: 6), at: 2250)
        recording.end(at: 3000)
        return recording
    }

    @Test func anAsciicastRedrawsOnlyTheRowsThatChanged() throws {
        let cast = try AsciicastFile(recording().asciicast(timestamp: 1_700_000_000, title: "demo \"1\""))
        #expect(cast.header["version"] as? Int == 2)
        #expect(cast.header["width"] as? Int == 6 && cast.header["height"] as? Int == 3)
        #expect(cast.header["timestamp"] as? Int == 1_700_000_000)
        #expect(cast.header["title"] as? String == "demo \"1\"")
        #expect(cast.header["duration"] as? Double == 3)
        #expect(cast.events.map(\.time) == [0, 1.5, 2.25, 3])
        #expect(cast.outputs == [
            "\u{1B}[0m\u{1B}[?25l\u{1B}[2J\u{1B}[1;1H\u{1B}[2Kab\u{1B}[2;1H\u{1B}[2K\u{1B}[3;1H\u{1B}[2Kcd",
            "\u{1B}[2;1H\u{1B}[2K\u{1B}[1mx < & \u{1B}[0m",
            "\u{1B}[2;1H\u{1B}[2K",
            "",
        ])
        let screens = try cast.screens(height: 3)
        #expect(screens[1] == recording().screen(recording().frames[1]).ansi.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    @Test func anAnimatedSVGDrawsEachRowOnceAndEachScreenOnce() throws {
        let text = recording().animatedSVG()
        let svg = try AnimatedSVGFile(text)
        #expect(svg.width == 54 && svg.height == 54)
        #expect(svg.rows.count == 3, "ab, cd and the bold row; the blank row is not drawn")
        #expect(svg.screens.count == 2, "the third frame shows the first screen again")
        #expect(svg.keyframes.map(\.percent) == [0, 50, 75, 100])
        #expect(svg.keyframes.map(\.offset) == [0, -54, 0, 0])
        #expect(svg.duration == 3)
        #expect(svg.text(ofScreen: 1, cellWidth: 9, cellHeight: 18) == "ab\nx < &\ncd")
        #expect(text.contains("&lt; &amp;"))
        #expect(text.contains(".t1{fill:#d0d0d0;font-weight:bold}"))
        #expect(!text.contains("<script"))
    }

    @Test func oneScreenIsAStillPicture() throws {
        var still = Recording(size: size)
        still.append(CellBuffer(lines: ["ab"], width: 6).padded(to: size), at: 0)
        still.append(CellBuffer(lines: ["ab"], width: 6).padded(to: size), at: 400)
        still.end(at: 1000)
        let svg = try AnimatedSVGFile(still.animatedSVG())
        #expect(svg.duration == nil && svg.keyframes.isEmpty)
        #expect(svg.screens.count == 1)
    }

    @Test func timesNeverRunBackwardsAndDroppingTheLastFrameEndsWhereItBegan() {
        var recording = recording()
        recording.append(CellBuffer(lines: ["zz", "", ""], width: 6), at: 100)
        #expect(recording.frames.last?.milliseconds == 2250)
        recording.dropLast()
        recording.dropLast()
        #expect(recording.frames.count == 2)
        #expect(recording.duration == 2250)
    }

    @Test func timesAreWrittenExactly() {
        #expect(Recording.seconds(0) == "0")
        #expect(Recording.seconds(1500) == "1.5")
        #expect(Recording.seconds(61_001) == "61.001")
        #expect(JSONWriter.line(.object([("a", .array([.number(1), .string("\u{1B}[0m")])), ("b", .null)]))
            == #"{"a":[1,"\u001b[0m"],"b":null}"#)
    }
}

extension CellBuffer {
    /// This buffer with blank rows added below up to `size`.
    func padded(to size: Size) -> CellBuffer {
        CellBuffer(lines: lines + Array(repeating: "", count: size.height - self.size.height), width: size.width)
    }
}
