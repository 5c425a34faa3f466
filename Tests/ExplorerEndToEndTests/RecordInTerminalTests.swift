import AtrousTerminal
import AtrousTestSupport
import Foundation
import Testing

extension ExplorerInTerminal {
@Suite("atrous in a terminal: :record")
struct RecordInTerminalTests {
    @Test("`:record` shows its sign, and `:record stop` writes an asciicast whose replay is the screen recorded")
    func recordAsciicast() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let session = try ExplorerInTmux()
        try session.waitForScreen()
        try session.press(":record \(directory.path("demo.gif"))<Enter>")
        try session.waitForSettledScreen("the refusal of .gif") {
            $0.contains("Cannot tell how to record to '") && !session.statusLine(of: $0).contains("● REC")
        }
        try session.press(":record \(directory.path("demo.cast"))<Enter>")
        try session.waitForSettledScreen("the recording sign") { session.statusLine(of: $0).contains("● REC") }
        try session.press("rrj")
        try session.waitForSettledScreen("rate 4 at the second row") { $0.contains("cell 10/81") }
        try session.press(":record stop<Enter>")
        let written = try session.waitForSettledScreen("the message that the file is written") { $0.contains("Wrote ") }
        #expect(!session.statusLine(of: written).contains("● REC"))

        let cast = try AsciicastFile(String(decoding: directory.bytes("demo.cast") ?? [], as: UTF8.self))
        #expect(cast.header["version"] as? Int == 2)
        #expect(cast.header["width"] as? Int == 80 && cast.header["height"] as? Int == 24)
        #expect(cast.events.count == 1 + 3 + 1, "the start, r, r, j, and the end")
        // The events replayed in a terminal of the recording's size give the screen after the
        // keys, without the sign: the frame atrous render prints for them.
        try directory.write(Array(cast.outputs.joined().utf8), to: "replay")
        let replay = try TmuxSession(command: "cat \(shellQuoted(directory.path("replay"))); sleep 60")
        defer { replay.kill() }
        let expected = try renderedFrame(["--keys", "rrj"])
        try replay.waitUntil(timeout: ExplorerInTmux.timeout, waitingFor: "the replayed recording") { $0 == expected }

        try session.press(":record \(directory.path("demo.svg"))<Enter>l:record stop<Enter>")
        try session.waitForSettledScreen("the picture written") { $0.contains("Wrote 2 frames") }
        let svg = try AnimatedSVGFile(String(decoding: directory.bytes("demo.svg") ?? [], as: UTF8.self))
        #expect(svg.screens.count == 2)
        #expect(svg.keyframes.count == 2 + 1)
        // Quitting while recording writes the file, and says so once the screen is restored.
        try session.press(":record \(directory.path("last.cast"))<Enter>")
        try session.waitForSettledScreen("the recording sign again") { session.statusLine(of: $0).contains("● REC") }
        try session.press("jq")
        #expect(try session.program.waitForExit() == 0)
        #expect(try session.tmux.capture().contains("atrous: Wrote "))
        #expect(try AsciicastFile(String(decoding: directory.bytes("last.cast") ?? [], as: UTF8.self)).events.count >= 2)
    }

    @Test("a stop signal while recording writes the file, and says so before the signal's sentence")
    func stopSignalWhileRecording() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let session = try ExplorerInTmux()
        try session.waitForScreen()
        try session.press(":record \(directory.path("stopped.cast"))<Enter>")
        try session.waitForSettledScreen("the recording sign") { session.statusLine(of: $0).contains("● REC") }
        try session.press("j")
        try session.waitForSettledScreen("the second row") { $0.contains("cell 10/81") }
        kill(try session.program.pid(), SIGTERM)
        #expect(try session.program.waitForExit() == 128 + SIGTERM)
        #expect(try session.program.settingsRestored())
        let screen = try session.tmux.capture()
        #expect(screen.contains("atrous: Wrote 2 frames ("))
        #expect(screen.contains("atrous: \(StopSignal(number: SIGTERM).description)"))
        #expect(try AsciicastFile(String(decoding: directory.bytes("stopped.cast") ?? [], as: UTF8.self)).events.count == 2 + 1)
    }
}
}
