import AtrousTestSupport
import Testing

/// A session saved from the explorer reopens on the same screen, through the real binary.
@Suite("Sessions through the binary")
struct SessionRoundTripTests {
    /// Every line but the message line (the second last), which says what was just saved or opened.
    static func withoutMessage(_ frame: String) -> [String] {
        var lines = frame.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if lines.count >= 2 { lines.remove(at: lines.count - 2) }
        return lines
    }

    @Test("explore --session of a saved session shows the screen it was saved from", arguments: [
        "rrjjl<Space>",
        ":input checkerboard 12x12<Enter>:rate 1,2<Enter>affjj",
        ":stack gridding<Enter>jj",
        ":stack wavenet<Enter>",
    ])
    func reopensTheSameScreen(keys: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let session = directory.path("lesson.atrous.json")
        let size = ["--size", "120x40"]
        let saved = try AtrousBinary.run(["render", "--keys", keys + ":save \(session)<Enter>"] + size)
        try #require(saved.status == 0, "stderr: \(saved.standardError)")
        #expect(saved.output.contains("lesson.atrous.json"), "the message line names the file written")
        let reopened = try AtrousBinary.run(["render", "--session", session] + size)
        try #require(reopened.status == 0, "stderr: \(reopened.standardError)")
        // Playback reopens paused: compare with the saved screen paused too.
        let paused = keys.contains("<Space>") ? keys + "<Space>" : keys
        let expected = try AtrousBinary.run(["render", "--keys", paused] + size)
        #expect(Self.withoutMessage(reopened.output) == Self.withoutMessage(expected.output))
    }

    @Test("a broken session is refused in one sentence before any screen")
    func brokenSession() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Array(#"{"format": "atrous-session", "version": 9}"#.utf8), to: "bad.atrous.json")
        let result = try AtrousBinary.run(["render", "--session", directory.path("bad.atrous.json")])
        #expect(result.status != 0)
        #expect(Sentence.isSingle(result.standardError), "stderr: \(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }
}
